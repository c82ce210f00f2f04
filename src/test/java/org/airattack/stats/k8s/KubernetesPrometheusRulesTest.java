package org.airattack.stats.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The cluster alerts as Compose does: the PrometheusRule of the base carries exactly the groups of
 * deploy/prometheus/rules/*.yml, and every alert links a section of docs/runbook.md that exists.
 */
class KubernetesPrometheusRulesTest {

    static final Path RULES = Path.of("deploy/prometheus/rules");
    static final Path RUNBOOK = Path.of("docs/runbook.md");
    static final String RUNBOOK_LINK = "docs/runbook.md#";

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");

    @Test
    void shouldCarryTheGroupsOfTheComposeRulesFiles() {
        Map<String, JsonNode> compose = byName(composeGroups());
        Map<String, JsonNode> cluster = byName(clusterGroups());
        assertEquals(compose.keySet(), cluster.keySet(), "the same groups; copy deploy/prometheus/rules/*.yml into "
                + "k8s/base/prometheusrule.yaml");
        compose.forEach((name, group) -> assertEquals(group, cluster.get(name), "group " + name
                + " differs between deploy/prometheus/rules and k8s/base/prometheusrule.yaml"));
        assertEquals(compose.size(), composeGroups().size(), "group names are unique");
    }

    @Test
    void shouldLinkEveryAlertToItsSectionOfTheRunbook() {
        Set<String> anchors = anchors(read(RUNBOOK));
        Set<String> linked = new TreeSet<>();
        for (JsonNode group : composeGroups()) {
            for (JsonNode rule : group.path("rules")) {
                if (!rule.has("alert")) {
                    continue;
                }
                String alert = rule.path("alert").asText();
                String url = rule.at("/annotations/runbook_url").asText();
                assertTrue(url.startsWith(RUNBOOK_LINK), alert + " links its runbook section, not " + url);
                String anchor = url.substring(RUNBOOK_LINK.length());
                assertTrue(anchors.contains(anchor), alert + " links #" + anchor + ", which docs/runbook.md has no heading for");
                assertEquals(anchor(alert), anchor, alert + " links the section named after it");
                linked.add(anchor);
            }
        }
        assertFalse(linked.isEmpty());
        Set<String> sections = new TreeSet<>();
        anchors.stream().filter(a -> a.startsWith("airattack")).forEach(sections::add);
        assertEquals(sections, linked, "every alert section of the runbook belongs to an alert");
    }

    @Test
    void shouldTurnHeadingsIntoTheAnchorsGitHubMakes() {
        assertEquals("airattacknightoverdue", anchor("AirAttackNightOverdue"));
        assertEquals("what-to-check-first", anchor("What to check, first"));
    }

    /** The groups of every rules file of the Compose Prometheus, in file order. */
    static List<JsonNode> composeGroups() {
        List<JsonNode> groups = new ArrayList<>();
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                new YAMLMapper().readTree(file.toFile()).path("groups").forEach(groups::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    /** The groups of the rendered base's PrometheusRule. */
    static List<JsonNode> clusterGroups() {
        List<JsonNode> groups = new ArrayList<>();
        RenderedManifests.one("PrometheusRule").at("/spec/groups").forEach(groups::add);
        return groups;
    }

    private static Map<String, JsonNode> byName(List<JsonNode> groups) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        groups.forEach(g -> byName.put(g.path("name").asText(), g));
        return byName;
    }

    /** The anchors of a Markdown file's headings. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            anchors.add(anchor(m.group(1)));
        }
        return anchors;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
