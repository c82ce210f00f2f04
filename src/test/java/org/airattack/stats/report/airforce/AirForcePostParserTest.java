package org.airattack.stats.report.airforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.airattack.stats.report.ReportRequest;
import org.airattack.stats.report.ReportRequest.LineRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser's rules one by one, on short texts in the Air Force's wording (DOMAIN §3). */
class AirForcePostParserTest {

    private static final OffsetDateTime MORNING = OffsetDateTime.parse("2026-07-03T05:30:00Z");
    private static final String URL = "https://t.me/kpszsu/70000";

    private final AirForcePostParser parser = new AirForcePostParser(Clock.fixed(Instant.parse("2027-01-01T06:00:00Z"), ZoneOffset.UTC));

    private ParsedPost parse(String text) {
        return parser.parse(text, MORNING, URL);
    }

    private static LineRequest line(ParsedPost post, String weapon) {
        return post.request().lines().stream().filter(l -> l.weapon().equals(weapon)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + weapon + " in " + post.request().lines()));
    }

    private static Integer n(BigDecimal value) {
        return value == null ? null : value.intValueExact();
    }

    private List<String> unreadable(String text) {
        return assertThrows(UnreadablePostException.class, () -> parse(text)).problems();
    }

    private PostKind refused(String text) {
        return assertThrows(NotANationalReportException.class, () -> parse(text)).kind();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "одну, 1", "однією, 1", "двома, 2", "дві, 2", "трьома, 3", "чотирма, 4", "п'ятьма, 5", "шістьма, 6", "сімома, 7",
            "восьми, 8", "десятьма, 10", "двадцятьма двома, 22", "сорока, 40", "50-ма, 50", "118-та, 118", "181-м, 181", "559-ти, 559",
            "8-ма, 8", "96, 96" })
    void shouldReadNumberWordsAndCaseSuffixes(String written, int value) {
        assertEquals(value, UkrainianCounts.value(written));
    }

    @Test
    void shouldNotReadAWordThatIsNoNumber() {
        assertNull(UkrainianCounts.value("мопедами"));
        assertNull(UkrainianCounts.value("два три"));
    }

    @Test
    void shouldTakeTheYearFromTodayInKyivAndSaySoWhenPublishedAtIsMissing() {
        ParsedPost post = parser.parse("""
                У ніч на 1 січня (з 18:00 31 грудня) противник атакував 111 ударними БпЛА типу Shahed.
                За попередніми даними, станом на 08:30, протиповітряною обороною збито/подавлено 86 ворожих БпЛА.""", null, URL);
        assertEquals("2026-12-31T18:00", post.request().windowStart());
        assertEquals("2027-01-01T08:30", post.request().windowEnd());
        assertNull(post.request().publishedAt());
        assertTrue(post.warnings().stream().anyMatch(w -> w.startsWith("no publishedAt") && w.contains("2027-01-01")), post.warnings().toString());
    }

    @Test
    void shouldPutALatePostInTheYearNearestItsPublication() {
        ParsedPost post = parser.parse("""
                У ніч на 31 грудня (з 18:00 30 грудня) противник атакував 40 ударними БпЛА.
                Станом на 08:00 збито/подавлено 35 ворожих БпЛА.""", OffsetDateTime.parse("2026-01-02T10:00:00+02:00"), URL);
        assertEquals("2025-12-30T18:00", post.request().windowStart());
        assertEquals("2025-12-31T08:00", post.request().windowEnd());
    }

    @Test
    void shouldReadALateWaveWithItsOwnEndTime() {
        ParsedPost post = parse("""
                У ніч на 3 липня (з 03:00 до 04:00) противник атакував 6 крилатими ракетами Х-101 з Саратовської обл.
                Станом на 04:30 збито/подавлено 5 крилатих ракет Х-101.""");
        assertEquals("2026-07-03T03:00", post.request().windowStart());
        assertEquals("2026-07-03T04:00", post.request().windowEnd());
        assertEquals(5, n(line(post, "X-101/X-555").neutralised()));
    }

    @Test
    void shouldNeverAddSubcounts() {
        ParsedPost post = parse("""
                У ніч на 3 липня (з 18:00 2 липня) противник атакував 90 ударними БпЛА типу Shahed, понад 50 із них – реактивні, Гербера та дронами-імітаторами.
                Станом на 08:30 збито/подавлено 80 ворожих БпЛА (45 із них – реактивні) на півночі та сході країни.""");
        assertEquals(1, post.request().lines().size());
        assertEquals(90, n(line(post, "drones (mixed)").launched()));
        assertEquals(80, n(line(post, "drones (mixed)").neutralised()));
    }

    @Test
    void shouldNeverAddTheRadarTotalAndWarnWhenItDisagreesWithTheItems() {
        ParsedPost post = parse("""
                У ніч на 3 липня (з 18:00 2 липня) противник атакував 5-ма балістичними ракетами Іскандер-М/KN-23 та 519-ма ударними БпЛА.
                Загалом виявлено та здійснено супровід 530-ти засобів повітряного нападу – 5 ракет та 525 БпЛА.
                Станом на 09:00 збито/подавлено 3 балістичні ракети Іскандер-М/KN-23 та 449 ворожих БпЛА.""");
        assertEquals(5, n(line(post, "Iskander-M/KN-23").launched()));
        assertEquals(519, n(line(post, "drones (mixed)").launched()));
        assertEquals(2, post.request().lines().size());
        assertTrue(post.warnings().stream().anyMatch(w -> w.contains("radar inventory") && w.contains("530") && w.contains("524")),
                post.warnings().toString());
    }

    @Test
    void shouldExposeEveryCrossCheckThatDisagreesForAnUnattendedCaller() {
        ParsedPost twelve = parser.parse(AirForcePostExpectationsTest.resource("12.txt"), OffsetDateTime.parse("2026-08-10T06:00:43Z"), URL);
        assertFalse(twelve.consistent());
        assertEquals(List.of(new Disagreement(Disagreement.Check.HEADLINE, "⚡ ЗБИТО/ПОДАВЛЕНО 96 ЦІЛЕЙ ПРОТИВНИКА", "neutralised", 96, 95)),
                twelve.disagreements());
        assertTrue(twelve.warnings().contains(twelve.disagreements().get(0).message()));

        ParsedPost radar = parse("""
                У ніч на 3 липня (з 18:00 2 липня) противник атакував 5-ма балістичними ракетами Іскандер-М/KN-23 та 519-ма ударними БпЛА.
                Загалом виявлено та здійснено супровід 530-ти засобів повітряного нападу.
                Станом на 09:00 збито/подавлено 90 цілей – 3 балістичні ракети Іскандер-М/KN-23 та 86 ворожих БпЛА.""");
        assertEquals(List.of(Disagreement.Check.RADAR_INVENTORY, Disagreement.Check.STATED_TOTAL),
                radar.disagreements().stream().map(Disagreement::check).toList());
        assertEquals(530, radar.disagreements().get(0).stated());
        assertEquals(524, radar.disagreements().get(0).read());
        assertEquals("launched", radar.disagreements().get(0).measure());
        assertEquals(90, radar.disagreements().get(1).stated());
        assertEquals(89, radar.disagreements().get(1).read());

        assertTrue(parser.parse(AirForcePostExpectationsTest.resource("02.txt"), OffsetDateTime.parse("2026-06-26T06:03:36Z"), URL).consistent());
    }

    @Test
    void shouldReadASingularWithoutANumeralAsOneAndAPluralAsWithheldSinceAugust2026() {
        ParsedPost post = parser.parse("""
                У ніч на 20 серпня (з 18:00 19 серпня) противник атакував балістичною ракетою Іскандер-М, крилатими ракетами "Калібр" та 60 ударними БпЛА.
                Станом на 08:30 збито/подавлено крилату ракету "Калібр" та 50 ворожих БпЛА.""", OffsetDateTime.parse("2026-08-20T05:30:00Z"), URL);
        assertEquals(1, n(line(post, "Iskander-M").launched()));
        assertFalse(line(post, "Iskander-M").withheld());
        assertNull(line(post, "Iskander-M").neutralised(), "launched, never said to be stopped: unknown, not 0");
        assertNull(line(post, "Kalibr").launched());
        assertTrue(line(post, "Kalibr").withheld());
        assertEquals(1, n(line(post, "Kalibr").neutralised()));
    }

    @Test
    void shouldReadShotDownAndLocationallyLostInTheirOwnSentences() {
        ParsedPost post = parse("""
                У ніч на 3 липня (з 20:00 2 липня) противник атакував 45 ударними БпЛА типу Shahed та дронами-імітаторами.
                Станом на 09:00 підтверджено збиття 23 ударних БпЛА у Київській, Сумській та Харківській областях. Локаційно втрачено – 21 ворожий БпЛА (без негативних наслідків).""");
        LineRequest drones = line(post, "drones (mixed)");
        assertEquals(45, n(drones.launched()));
        assertEquals(23, n(drones.shotDown()));
        assertEquals(21, n(drones.suppressed()));
        assertNull(drones.neutralised(), "derived by the service from shot down + suppressed");
    }

    @Test
    void shouldWarnWhenADestroyedOfCountDisagreesWithTheLaunched() {
        ParsedPost post = parse("""
                У ніч на 3 липня противник атакував 20 ударними БпЛА типу Shahed-136/131.
                Станом на 09:00 знищено 16 з 21 ударних БпЛА.""");
        assertEquals("2026-07-02", post.request().windowStart(), "no start time: some time on the evening before");
        assertEquals(20, n(line(post, "drones (mixed)").launched()));
        assertEquals(16, n(line(post, "drones (mixed)").shotDown()));
        assertTrue(post.warnings().stream().anyMatch(w -> w.contains("21") && w.contains("20")), post.warnings().toString());
    }

    @Test
    void shouldStoreANumberStillInTheAirButOnlyWarnAboutAVagueOne() {
        String night = """
                У ніч на 3 липня (з 18:00 2 липня) противник атакували 7 ракетами Х-59/69 та 60 ударними БпЛА.
                Станом на 08:30 збито/подавлено 50 ворожих БпЛА.
                """;
        ParsedPost counted = parse(night + "В повітряному просторі ще перебувають 8 ворожих БпЛА.");
        assertEquals(8, n(line(counted, "drones (mixed)").stillAirborne()));
        assertNull(line(counted, "X-59/X-69").stillAirborne());

        ParsedPost vague = parse(night + "Атака триває, в повітряному просторі декілька ворожих БпЛА.");
        assertTrue(vague.request().lines().stream().allMatch(l -> l.stillAirborne() == null));
        assertTrue(vague.warnings().stream().anyMatch(w -> w.startsWith("still in the air") && w.contains("декілька")), vague.warnings().toString());

        ParsedPost ongoing = parse(night + "Атака триває!");
        assertTrue(ongoing.warnings().stream().anyMatch(w -> w.contains("Атака триває")), ongoing.warnings().toString());
    }

    @Test
    void shouldStoreAMissileNamedOnlyByItsKindAsUnknownMissileAndSaySo() {
        ParsedPost post = parse("""
                У ніч на 3 липня (з 18:00 2 липня) противник атакував 4 крилатими ракетами та 30 ударними БпЛА.
                Станом на 08:30 збито/подавлено 3 крилаті ракети та 25 ворожих БпЛА.""");
        assertEquals(4, n(line(post, "Unknown Missile").launched()));
        assertEquals(3, n(line(post, "Unknown Missile").neutralised()));
        assertTrue(post.warnings().stream().anyMatch(w -> w.contains("names no model")), post.warnings().toString());
    }

    @Test
    void shouldKeyAPostByItsUrlElseByAHashOfItsText() {
        String text = """
                У ніч на 3 липня (з 18:00 2 липня) противник атакував 60 ударними БпЛА.
                Станом на 08:30 збито/подавлено 50 ворожих БпЛА.""";
        assertEquals(URL, parse(text).request().externalId());
        assertEquals(URL, parse(text).request().url());

        ReportRequest hashed = parser.parse(text, MORNING, null).request();
        assertTrue(hashed.externalId().matches("text-sha256:[0-9a-f]{64}"), hashed.externalId());
        assertNull(hashed.url());
        assertEquals(hashed.externalId(), parser.parse(text.replace("\n", "\r\n  ").replace(" ", "  "), MORNING, " ").request().externalId(),
                "spacing and line ends do not make another post");
        assertNotEquals(hashed.externalId(), parser.parse(text.replace("50", "51"), MORNING, null).request().externalId());
        assertTrue(parser.parse(text, MORNING, null).warnings().stream().anyMatch(w -> w.startsWith("no url")));
    }

    @Test
    void shouldReadTheLargestTextItTakesInLinearTime() {
        // 64 KiB of one model name repeated once took 40 s: every "69" read as a count with its name scanned to the end
        String text = "У ніч на 3 липня (з 18:00 2 липня) противник атакував " + "Х-59/69 ".repeat(8_000) + "\nСтаном на 08:30 збито 1";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(UnreadablePostException.class, () -> parse(text)));
    }

    @Test
    void shouldRefuseWhatIsNotANationalReport() {
        assertEquals(PostKind.VIDEO_CAPTION, refused("🎥 Робота мобільної вогневої групи Повітряних Сил на Київщині. Відео: @kpszsu"));
        assertEquals(PostKind.AIR_RAID_ALERT, refused("🟢 16:20 Відбій тривоги в Павлоградський район\n#Павлоградський_район"));
        assertEquals(PostKind.LIVE_TRACKING, refused("Група ударних БпЛА з Чернігівщини курсом на Київщину."));
        assertEquals(PostKind.REGIONAL_TALLY, refused("""
                Повітряне командування «Захід»: у ніч на 5 квітня (з 18:00 4 квітня) у зоні відповідальності знищено 65 ударних БпЛА.
                Станом на 08:00 збито/подавлено 65 ворожих БпЛА."""));
        assertEquals(PostKind.CLARIFICATION, refused("Уточнена інформація щодо нічної атаки 3 липня: збито/подавлено 61 ворожий БпЛА."));
        assertEquals(PostKind.OTHER, refused("✊ Тримаймо небо! 🇺🇦 Разом – до перемоги!"));
    }

    @Test
    void shouldRefuseAReportItCannotReadFullyNamingWhatItCouldNotRead() {
        String night = "У ніч на 3 липня (з 18:00 2 липня) противник атакував ";
        assertTrue(unreadable(night + "5 ракетами «Фенікс» та 40 ударними БпЛА.\nСтаном на 08:30 збито/подавлено 35 ворожих БпЛА.")
                .stream().anyMatch(p -> p.contains("5 ракетами \"Фенікс\"") && p.contains("does not know")));
        assertTrue(unreadable(night + "40 «мопедами».\nСтаном на 08:30 збито/подавлено 35 ворожих БпЛА.")
                .stream().anyMatch(p -> p.startsWith("launched: could not read") && p.contains("мопедами")));
        assertTrue(unreadable(night + "4 ракетами Калібр та 2 ракетами Х-59.\nСтаном на 08:30 збито/подавлено 3 ракети.")
                .stream().anyMatch(p -> p.contains("cannot tell which weapon '3 ракети'")));
        assertTrue(unreadable("У ніч на 3 липня (з 18:00 2 липня) противник атакував 40 ударними БпЛА. Збито/подавлено 35 ворожих БпЛА.")
                .stream().anyMatch(p -> p.startsWith("the window's end")));
        assertTrue(unreadable("Противник атакував 40 ударними БпЛА. Станом на 08:30 збито 35.")
                .stream().anyMatch(p -> p.startsWith("the window: no header")));
        assertTrue(unreadable("У ніч на 31 червня (з 18:00 30 червня) противник атакував 40 ударними БпЛА. Станом на 08:30 збито 35 БпЛА.")
                .stream().anyMatch(p -> p.contains("not a valid date")));
        assertTrue(unreadable("У ніч на 3 липня (з 18:00 2 липня) ворог продовжує атаку. Станом на 08:30 деталі уточнюються.")
                .stream().anyMatch(p -> p.startsWith("the counts")));
        assertTrue(unreadable(" \n ").contains("the text is empty"));
        assertTrue(unreadable(AirForcePostExpectationsTest.resource("16.txt") + "\n\n" + AirForcePostExpectationsTest.resource("17.txt"))
                .stream().anyMatch(p -> p.contains("names two") && p.contains("Протягом дня 28 серпня") && p.contains("У ніч на 1 вересня")),
                "two posts pasted as one are not one report");
    }
}
