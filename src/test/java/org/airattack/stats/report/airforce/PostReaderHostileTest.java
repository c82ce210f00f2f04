package org.airattack.stats.report.airforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile bodies of {@link PostReaderBench} at the largest size the import endpoint takes
 * (64 KiB): each is read or refused as it should be. How long they take is the benchmark's
 * business (src/bench/post-reader-bench.sh), not a unit test's.
 */
class PostReaderHostileTest {

    private static final int LARGEST = 64 * 1024;
    private static final OffsetDateTime MORNING = OffsetDateTime.parse("2026-07-03T06:00:00Z");

    /** How each shape comes out: r = a report, n = not a national report, u = unreadable. */
    private static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry("'повітрян' repeated, no spaces", "n"),
            Map.entry("'повітряного командування ' repeated", "n"),
            Map.entry("one word of 'а'", "n"),
            Map.entry("'Х-59/69 ' after a header", "u"),
            Map.entry("'1 ударним БпЛА, ' after a header", "u"),
            Map.entry("nested parentheses after a header", "u"),
            Map.entry("'у ніч на 3 липня ' repeated", "u"),
            Map.entry("'Збито 1 БпЛА. ' sentences after a header", "r"),
            Map.entry("'22 – локаційно втрачені, ' after a header", "r"),
            Map.entry("'в повітряному просторі ще ' after a header", "r"),
            Map.entry("'ударних ' adjectives after a header", "u"),
            Map.entry("'1 з ' after a header", "u"));

    private final AirForcePostParser parser = new AirForcePostParser(Clock.systemUTC());

    static Stream<String> shapes() {
        return PostReaderBench.shapes().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void shouldReadOrRefuseEveryHostileBodyOfTheLargestSize(String shape) {
        String body = PostReaderBench.shapes().get(shape).apply(LARGEST);
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= LARGEST && bytes > LARGEST - 100, shape + " is " + bytes + " bytes");
        assertEquals(OUTCOMES.get(shape), PostReaderBench.read(parser, body, MORNING), shape);
    }

    @Test
    void shouldRefuseTheLargestBodyOfOneWordRepeatedAsNoReport() {
        String body = PostReaderBench.fill("", "повітрян", "", LARGEST);
        NotANationalReportException refused = assertThrows(NotANationalReportException.class, () -> parser.parse(body, MORNING, null));
        assertEquals(PostKind.OTHER, refused.kind());
    }

    @Test
    void shouldReadEveryOneOfThousandsOfSentencesInTheLargestBody() {
        String body = PostReaderBench.fill("У ніч на 3 липня (з 18:00 2 липня) противник атакував 1 БпЛА. ", "Збито 1 БпЛА. ",
                "\nСтаном на 08:30 збито/подавлено 1 ворожий БпЛА.", LARGEST);
        long sentences = body.split("Збито 1 БпЛА\\.", -1).length - 1;
        ParsedPost post = parser.parse(body, MORNING, null);
        assertEquals(1, post.request().lines().size());
        assertEquals(sentences, post.request().lines().get(0).shotDown().longValueExact(), "every 'Збито 1 БпЛА' is added");
        assertTrue(post.warnings().stream().anyMatch(w -> w.contains("named twice as shot down")), post.warnings().toString());
    }
}
