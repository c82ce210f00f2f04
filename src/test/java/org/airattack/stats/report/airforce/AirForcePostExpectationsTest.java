package org.airattack.stats.report.airforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.report.Line;
import org.airattack.stats.report.ReportRequest;
import org.airattack.stats.report.ReportRequest.LineRequest;
import org.airattack.stats.report.ReportWindow;
import org.airattack.stats.report.WindowPoint;
import org.airattack.stats.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every post under src/test/resources/air-force-posts (the real 2026 posts, copied from
 * shared/data, and our own older-era posts under older/) reads as the JSON beside it says: window,
 * period and date, each line (weapons compared by the catalog's canonical key, so spelling variants
 * of one weapon compare equal) with what flew on into another country, the night's hit, debris and
 * still-airborne figures, every cross-check agreeing but a headline that does not, and for the
 * posts that are not national reports the refusal and its kind.
 */
@QuarkusTest
class AirForcePostExpectationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Catalog catalog;

    private final AirForcePostParser parser = new AirForcePostParser(Clock.systemUTC());

    static Stream<String> posts() throws IOException, URISyntaxException {
        Path root = Path.of(AirForcePostExpectationsTest.class.getClassLoader().getResource("air-force-posts").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".txt")).map(f -> root.relativize(f).toString().replace(".txt", ""))
                    .sorted().toList().stream();
        }
    }

    @Test
    void shouldReadEveryRealPostAndEveryOlderEra() throws Exception {
        List<String> names = posts().toList();
        assertEquals(27, names.stream().filter(n -> !n.startsWith("older")).count(), "the 27 real posts");
        assertTrue(names.stream().filter(n -> n.startsWith("older")).count() >= 18, "a fixture per older era and wording");
    }

    @Test
    void shouldWriteOnlySpellingsTheCatalogResolves() {
        for (String spelling : AirForcePostParser.spellings()) {
            assertTrue(catalog.resolve(spelling).isPresent(), "the catalog does not resolve " + spelling);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("posts")
    void shouldReadThePostAsItsExpectationSays(String name) throws IOException {
        JsonNode fixture = JSON.readTree(resource(name + ".json"));
        JsonNode expected = fixture.path("expected");
        String text = resource(name + ".txt");
        OffsetDateTime publishedAt = fixture.path("publishedAt").isTextual() ? OffsetDateTime.parse(fixture.path("publishedAt").asText()) : null;

        if (expected.path("reject").asBoolean()) {
            NotANationalReportException refused = assertThrows(NotANationalReportException.class,
                    () -> parser.parse(text, publishedAt, null), name + " must be refused");
            assertEquals(expected.path("kind").asText(), refused.kind().slug(), name + ": the kind of post");
            return;
        }

        ParsedPost post = parser.parse(text, publishedAt, "https://t.me/kpszsu/" + name);
        ReportRequest r = post.request();
        assertEquals("ua-air-force", r.source());
        assertEquals(expected.path("windowStart").asText(), r.windowStart(), name + ": windowStart");
        assertEquals(expected.path("windowEnd").asText(), r.windowEnd(), name + ": windowEnd");
        ReportWindow window = new ReportWindow(WindowPoint.parse(r.windowStart(), AirForcePostParser.KYIV, false).orElseThrow(),
                WindowPoint.parse(r.windowEnd(), AirForcePostParser.KYIV, true).orElseThrow());
        assertEquals(expected.path("period").asText(), window.period().slug(), name + ": period");
        assertEquals(expected.path("date").asText(), window.date().toString(), name + ": date");

        Map<String, JsonNode> want = new HashMap<>();
        for (JsonNode line : expected.path("lines")) {
            assertEquals(null, want.put(key(line.path("weapon").asText()), line), name + ": one expected line per weapon");
        }
        Map<String, LineRequest> got = new HashMap<>();
        for (LineRequest line : r.lines()) {
            assertEquals(null, got.put(key(line.weapon()), line), name + ": one line per weapon, got " + line.weapon() + " twice");
        }
        assertEquals(want.keySet(), got.keySet(), name + ": the weapons");
        for (var e : want.entrySet()) {
            JsonNode w = e.getValue();
            LineRequest g = got.get(e.getKey());
            String at = name + " " + w.path("weapon").asText() + ": ";
            assertEquals(integer(w.path("launched")), integer(g.launched()), at + "launched");
            assertEquals(integer(w.path("shotDown")), integer(g.shotDown()), at + "shotDown");
            assertEquals(integer(w.path("suppressed")), integer(g.suppressed()), at + "suppressed");
            assertEquals(Line.deriveNeutralised(integer(w.path("neutralised")), integer(w.path("shotDown")), integer(w.path("suppressed"))),
                    Line.deriveNeutralised(integer(g.neutralised()), integer(g.shotDown()), integer(g.suppressed())), at + "neutralised");
            assertEquals(w.path("withheld").asBoolean(false), Boolean.TRUE.equals(g.withheld()), at + "withheld");
            Map<String, Integer> left = new HashMap<>();
            w.path("leftAirspace").fields().forEachRemaining(c -> left.put(c.getKey(), c.getValue().asInt()));
            Map<String, Integer> gotLeft = new HashMap<>();
            if (g.leftAirspace() != null) {
                g.leftAirspace().forEach((country, count) -> gotLeft.put(country, count.intValueExact()));
            }
            assertEquals(left, gotLeft, at + "leftAirspace");
        }
        assertEquals(integer(expected.path("hitLocations")), sum(r, LineRequest::hitLocations), name + ": hitLocations");
        assertEquals(integer(expected.path("debrisLocations")), sum(r, LineRequest::debrisLocations), name + ": debrisLocations");
        assertEquals(integer(expected.path("stillAirborne")), sum(r, LineRequest::stillAirborne), name + ": stillAirborne");

        Integer headline = integer(expected.path("headlineNeutralised"));
        Integer neutralised = sum(r, l -> l.neutralised() != null ? l.neutralised()
                : l.shotDown() == null && l.suppressed() == null ? null
                : BigDecimal.valueOf(Line.deriveNeutralised(null, integer(l.shotDown()), integer(l.suppressed()))));
        boolean headlineWarned = post.warnings().stream().anyMatch(m -> m.startsWith("the headline"));
        boolean headlineDisagrees = post.disagreements().stream().anyMatch(d -> d.check() == Disagreement.Check.HEADLINE);
        if (headline != null && !headline.equals(neutralised)) {
            assertTrue(post.warnings().stream().anyMatch(m -> m.contains("says " + headline) && m.contains("add up to " + neutralised)),
                    name + ": the headline's " + headline + " against the items' " + neutralised + " is warned about: " + post.warnings());
            assertTrue(post.disagreements().stream().anyMatch(d -> d.check() == Disagreement.Check.HEADLINE && d.stated() == headline
                    && neutralised.equals(d.read())), name + ": and exposed as a disagreement: " + post.disagreements());
        } else {
            assertFalse(headlineWarned, name + ": no headline warning when it agrees: " + post.warnings());
            assertFalse(headlineDisagrees, name + ": no headline disagreement when it agrees: " + post.disagreements());
        }
        assertTrue(post.warnings().containsAll(post.disagreements().stream().map(Disagreement::message).toList()),
                name + ": every disagreement is also a warning");
        assertEquals(headline != null && !headline.equals(neutralised) ? 1 : 0, post.disagreements().size(),
                name + ": no cross-check disagrees but a headline that does: " + post.disagreements());
        assertFalse(post.warnings().stream().anyMatch(m -> m.contains("radar inventory") || m.contains("the launched total")),
                name + ": the radar total restates the items: " + post.warnings());
    }

    private String key(String spelling) {
        return catalog.resolve(spelling).orElseThrow(() -> new AssertionError("the catalog does not resolve " + spelling)).key();
    }

    private static Integer integer(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asInt();
    }

    private static Integer integer(BigDecimal n) {
        return n == null ? null : n.intValueExact();
    }

    /** A night-level figure: the sum over the lines, null when no line has it. */
    private static Integer sum(ReportRequest r, Function<LineRequest, BigDecimal> value) {
        List<BigDecimal> known = new ArrayList<>();
        r.lines().stream().map(value).filter(v -> v != null).forEach(known::add);
        return known.isEmpty() ? null : known.stream().mapToInt(BigDecimal::intValueExact).sum();
    }

    static String resource(String name) {
        return Api.resource("air-force-posts/" + name);
    }
}
