package org.airattack.stats.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One direction through the house (docs/architecture.md), read from the source tree: which room
 * (top-level package under {@code org.airattack.stats}) may import which, and no two packages that
 * import each other.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/airattack/stats");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?org\\.airattack\\.stats\\.([\\w.]+?)\\.[A-Z]",
            Pattern.MULTILINE);

    /**
     * Every room and the rooms it may import: catalog ← report ← readmodel ← series, channel ← events ← metrics ← web, all
     * on common, config and problem.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("common", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("problem", Set.of()),
            Map.entry("catalog", Set.of("common", "config", "problem")),
            Map.entry("report", Set.of("catalog", "common", "config", "problem")),
            Map.entry("readmodel", Set.of("report", "catalog", "common", "config", "problem")),
            Map.entry("series", Set.of("readmodel", "report", "catalog", "common", "config", "problem")),
            Map.entry("channel", Set.of("readmodel", "report", "catalog", "common", "config", "problem")),
            Map.entry("events", Set.of("series", "readmodel", "report", "catalog", "common", "config", "problem")),
            Map.entry("metrics", Set.of("events", "series", "channel", "readmodel", "report", "catalog", "common", "config", "problem")),
            Map.entry("card", Set.of("common")),
            Map.entry("web", Set.of("metrics", "events", "series", "channel", "readmodel", "report", "catalog", "card", "common", "config", "problem")));

    /** Package (relative to org.airattack.stats) → the project packages its classes import. */
    private static Map<String, Set<String>> imports() {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> targets = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String room(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    @Test
    void shouldHaveNoTwoPackagesThatImportEachOther() {
        Map<String, Set<String>> imports = imports();
        List<String> mutual = new ArrayList<>();
        imports.forEach((a, targets) -> targets.forEach(b -> {
            if (a.compareTo(b) < 0 && imports.getOrDefault(b, Set.of()).contains(a)) {
                mutual.add(a + " <-> " + b);
            }
        }));
        assertEquals(List.of(), mutual);
    }

    @Test
    void shouldLetEveryRoomImportOnlyTheRoomsBelowIt() {
        List<String> wrong = new ArrayList<>();
        imports().forEach((pkg, targets) -> {
            Set<String> allowed = ALLOWED.get(room(pkg));
            if (allowed == null) {
                wrong.add(pkg + " is in no known room (add it to docs/architecture.md and this test)");
                return;
            }
            targets.stream().map(ArchitectureTest::room).filter(r -> !r.equals(room(pkg)) && !allowed.contains(r)).distinct()
                    .forEach(r -> wrong.add(pkg + " imports " + r));
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldKeepTheDomainFreeOfHttp() {
        List<String> wrong = new ArrayList<>();
        imports().forEach((pkg, targets) -> {
            if (Set.of("report", "readmodel", "series", "channel", "events").contains(room(pkg))) {
                targets.stream().filter(t -> room(t).equals("web")).forEach(t -> wrong.add(pkg + " imports " + t));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldReadTheWholeSourceTree() {
        Map<String, Set<String>> imports = imports();
        assertTrue(imports.keySet().containsAll(Set.of("report", "readmodel", "series", "metrics", "web")), imports.keySet()
                + " misses a room: the test reads the wrong tree");
        assertTrue(imports.get("web").contains("series"), "web reads the series (the reading of imports works)");
    }
}
