package org.airattack.stats.report.airforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.airattack.stats.report.airforce.PostVerdict.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The classifier on its own: what a post is, with the reason the parser would give, without reading counts. */
class PostClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime MORNING = OffsetDateTime.parse("2026-07-03T05:30:00Z");

    private final PostClassifier classifier = new PostClassifier(Clock.fixed(Instant.parse("2026-07-03T06:00:00Z"), ZoneOffset.UTC));
    private final AirForcePostParser parser = new AirForcePostParser(Clock.fixed(Instant.parse("2026-07-03T06:00:00Z"), ZoneOffset.UTC));

    static Stream<String> posts() throws Exception {
        return AirForcePostExpectationsTest.posts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("posts")
    void shouldClassifyEveryCorpusPostAsItsExpectationSays(String name) throws IOException {
        JsonNode fixture = JSON.readTree(AirForcePostExpectationsTest.resource(name + ".json"));
        OffsetDateTime publishedAt = fixture.path("publishedAt").isTextual() ? OffsetDateTime.parse(fixture.path("publishedAt").asText()) : null;
        PostVerdict verdict = classifier.classify(AirForcePostExpectationsTest.resource(name + ".txt"), publishedAt);
        if (fixture.path("expected").path("reject").asBoolean()) {
            assertEquals(Outcome.NOT_A_REPORT, verdict.outcome(), name + ": " + verdict.reason());
            assertEquals(fixture.path("expected").path("kind").asText(), verdict.kind().slug(), name);
        } else {
            assertEquals(Outcome.REPORT, verdict.outcome(), name + ": " + verdict.reason());
            assertNull(verdict.kind());
            assertTrue(verdict.reason().startsWith("a national report: '"), verdict.reason());
        }
    }

    @Test
    void shouldGiveTheReasonTheParserRefusesWith() {
        String alert = "🔴 15:44 Повітряна тривога в Павлоградський район\n#Павлоградський_район";
        PostVerdict verdict = classifier.classify(alert, MORNING);
        assertEquals(PostKind.AIR_RAID_ALERT, verdict.kind());
        NotANationalReportException refused = assertThrows(NotANationalReportException.class, () -> parser.parse(alert, MORNING, null));
        assertEquals(refused.getMessage(), verdict.reason());

        String twoWindows = AirForcePostExpectationsTest.resource("16.txt")
                + "\n\n" + AirForcePostExpectationsTest.resource("17.txt");
        PostVerdict unreadable = classifier.classify(twoWindows, MORNING);
        assertEquals(Outcome.UNREADABLE, unreadable.outcome());
        UnreadablePostException refusedToo = assertThrows(UnreadablePostException.class, () -> parser.parse(twoWindows, MORNING, null));
        assertEquals(refusedToo.problems(), unreadable.problems());
        assertEquals(refusedToo.getMessage(), unreadable.reason());
    }

    @Test
    void shouldCallAReportWhoseCountsItCannotReadAReportAndLeaveTheCountsToTheParser() {
        String text = "У ніч на 3 липня (з 18:00 2 липня) противник атакував 40 «мопедами».\nСтаном на 08:30 збито/подавлено 35 ворожих БпЛА.";
        PostVerdict verdict = classifier.classify(text, MORNING);
        assertEquals(Outcome.REPORT, verdict.outcome());
        assertEquals("У ніч на 3 липня (з 18:00 2 липня)", verdict.quote());
        assertThrows(UnreadablePostException.class, () -> parser.parse(text, MORNING, null));
    }

    @Test
    void shouldCallAReportWithAWindowButNoCountsUnreadable() {
        PostVerdict verdict = classifier.classify("У ніч на 3 липня (з 18:00 2 липня) ворог продовжує атаку. Станом на 08:30 деталі уточнюються.", MORNING);
        assertEquals(Outcome.UNREADABLE, verdict.outcome());
        assertTrue(verdict.problems().get(0).startsWith("the counts"), verdict.problems().toString());
        assertEquals(Outcome.UNREADABLE, classifier.classify(" ", MORNING).outcome());
        assertEquals(Outcome.NOT_A_REPORT, classifier.classify("✊ Тримаймо небо! 🇺🇦 Разом – до перемоги!", MORNING).outcome());
    }

    @Test
    void shouldTellTheCaptionOfCombatFootageThoughItNamesANightAndCounts() {
        PostVerdict verdict = classifier.classify("Бойова робота у ніч на 2 червня. Цієї ночі ворог застосував понад 700 засобів, десятки БпЛА збито.",
                MORNING);
        assertEquals(PostKind.VIDEO_CAPTION, verdict.kind());
        assertEquals("a video caption: 'Бойова робота у ніч на 2 червня.'", verdict.reason());
    }
}
