package org.airattack.stats.report.airforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.airattack.stats.report.ReportRequest.LineRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wordings of every era the reader once misread (issue 15), each rule on short texts: any
 * attacker, the radar's count and "з них N знищено", shot down and locationally lost in one
 * paragraph, drones that flew on into a neighbour, counts without a noun, withholding only where
 * the Air Force withholds, "Цієї ночі", and the clock's changes.
 */
class PostWordingsTest {

    private static final String URL = "https://t.me/kpszsu/70001";
    private static final OffsetDateTime Y2022 = OffsetDateTime.parse("2022-10-20T06:00:00Z");
    private static final OffsetDateTime Y2025 = OffsetDateTime.parse("2025-03-08T07:00:00Z");
    private static final OffsetDateTime JULY_2026 = OffsetDateTime.parse("2026-07-03T05:30:00Z");
    private static final OffsetDateTime AUGUST_2026 = OffsetDateTime.parse("2026-08-20T05:30:00Z");

    private final AirForcePostParser parser = new AirForcePostParser(Clock.fixed(Instant.parse("2026-12-31T10:00:00Z"), ZoneOffset.UTC));

    private ParsedPost parse(String text, OffsetDateTime publishedAt) {
        return parser.parse(text, publishedAt, URL);
    }

    private List<String> unreadable(String text, OffsetDateTime publishedAt) {
        return assertThrows(UnreadablePostException.class, () -> parse(text, publishedAt)).problems();
    }

    private static LineRequest drones(ParsedPost post) {
        return line(post, "drones (mixed)");
    }

    private static LineRequest line(ParsedPost post, String weapon) {
        return post.request().lines().stream().filter(l -> l.weapon().equals(weapon)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + weapon + " in " + post.request().lines()));
    }

    private static Integer n(BigDecimal value) {
        return value == null ? null : value.intValueExact();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "противник атакував", "ворог атакував", "окупанти атакували", "російські окупанти вкотре атакували",
            "рашисти атакували", "загарбники атакували", "російські терористи атакували", "країна-агресор атакувала", "росія атакувала",
            "противник також запустив", "ворог випустив", "противником було запущено" })
    void shouldReadLaunchedFromWhicheverAttackerThePostNames(String attacked) {
        ParsedPost post = parse("У ніч на 10 лютого (з 20:00 9 лютого) " + attacked + " Україну двома крилатими ракетами Х-59 та 7 ударними БпЛА.\n"
                + "Станом на 07:00 знищено 5 ударних БпЛА та одну ракету Х-59.", Y2022);
        assertEquals(2, n(line(post, "X-59").launched()));
        assertEquals(1, n(line(post, "X-59").shotDown()));
        assertEquals(7, n(drones(post).launched()));
    }

    @Test
    void shouldReadTheRadarsCountAsLaunchedAndTheCountOfThemBeforeItsVerbAsShotDown() {
        ParsedPost post = parse("""
                У ніч на 19 жовтня противник атакував Україну ударними БпЛА типу Shahed-136.
                Станом на 08:00 всього зафіксовано 43 ударні БпЛА, з них 37 знищено силами та засобами протиповітряної оборони.""", Y2022);
        assertEquals(43, n(drones(post).launched()), "the drones named without a number take the radar's count");
        assertEquals(37, n(drones(post).shotDown()));
        assertFalse(drones(post).withheld(), "in 2022 nothing is withheld");
        assertTrue(post.consistent());

        ParsedPost alone = parse("У ніч на 19 жовтня всього було зафіксовано 28 ударних БпЛА «Shahed-136», всі вони знищені.\nСтаном на 08:00 загроза зберігається.",
                Y2022);
        assertEquals(28, n(drones(alone).launched()));
        assertEquals(28, n(drones(alone).shotDown()), "'всі вони знищені': all 28");
    }

    @Test
    void shouldGiveEachCountInOneParagraphToItsOwnWeaponAndMeasure() {
        ParsedPost post = parse("""
                У ніч на 21 червня (з 19:00 20 червня) противник атакував 16 крилатими ракетами Х-101/Х-555 та 38 ударними БпЛА.
                Станом на 09:00 підтверджено збиття 15 крилатих ракет Х-101/Х-555 та 22 ударних БпЛА у Київській та Черкаській областях. 13 ворожих БпЛА – локаційно втрачені (без негативних наслідків).""",
                Y2025);
        assertEquals(15, n(line(post, "X-101/X-555").shotDown()));
        assertNull(line(post, "X-101/X-555").suppressed());
        assertEquals(22, n(drones(post).shotDown()));
        assertEquals(13, n(drones(post).suppressed()));

        ParsedPost comma = parse("""
                У ніч на 21 червня (з 18:00 20 червня) противник атакував 63 ударними БпЛА.
                Станом на 09:00 підтверджено збиття 42 ударних БпЛА, 21 – локаційно втрачені.""", Y2025);
        assertEquals(42, n(drones(comma).shotDown()));
        assertEquals(21, n(drones(comma).suppressed()), "a count without a noun belongs to the weapon named before it");
    }

    @Test
    void shouldReadTheSameNumberShotDownAndSuppressedAndTheMissilesInASentenceOfTheirOwn() {
        ParsedPost post = parse("""
                У ніч на 14 грудня (з 19:00 13 грудня) противник атакував двома керованими авіаційними ракетами Х-59 та 37-ма ударними БпЛА.
                Обидві ракети знищено.
                Станом на 09:00 підтверджено збиття 18-ти ударних БпЛА. Ще 18 ворожих БпЛА – локаційно втрачені, ще один – у повітряному просторі.""",
                Y2025);
        assertEquals(2, n(line(post, "X-59").shotDown()));
        assertEquals(18, n(drones(post).shotDown()));
        assertEquals(18, n(drones(post).suppressed()));
        assertEquals(1, n(drones(post).stillAirborne()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "belarus | 2 ворожі БпЛА полетіли в бік Білорусі",
            "russia | 2 ворожі БпЛА повернулися до рф",
            "russia | 2 ворожі БпЛА полетіли в напрямку російської федерації",
            "moldova | 2 ворожі БпЛА вилетіли за межі повітряного простору України в бік Молдови",
            "romania | 2 ворожі БпЛА залетіли на територію Румунії",
            "poland | 2 ворожі БпЛА перетнули кордон з Польщею" })
    void shouldReadDronesThatFlewOnIntoANeighbourApartFromTheSuppressed(String country, String left) {
        String night = "У ніч на 8 березня (з 18:00 7 березня) противник атакував 30 ударними БпЛА.\nСтаном на 09:00 підтверджено збиття 6 ударних БпЛА. ";
        for (String text : new String[] { night + "22 ворожі БпЛА – локаційно втрачені (без негативних наслідків), " + left + ".",
                night + "22 ворожі БпЛА – локаційно втрачені (без негативних наслідків). " + left.replace("2 ворожі", "Ще 2 ворожі") + "." }) {
            ParsedPost post = parse(text, Y2025);
            assertEquals(22, n(drones(post).suppressed()), text);
            assertEquals(Map.of(country, BigDecimal.valueOf(2)), drones(post).leftAirspace(), text);
        }
        ParsedPost dashes = parse(night + "22 ворожі БпЛА – локаційно втрачені, 3 полетіли в бік Молдови, 1 – у бік Румунії.", Y2025);
        assertEquals(Map.of("moldova", BigDecimal.valueOf(3), "romania", BigDecimal.ONE), drones(dashes).leftAirspace());
    }

    @Test
    void shouldCountADroneNamedWithoutANumberFromDestroyedOf() {
        ParsedPost post = parse("""
                В ніч на 2 січня 2023 року противник атакував Україну ударними БпЛА типу Shahed-136/131 з північно-східного напрямку.
                Станом на 06:00 знищено 11 з 14 – у Київській та Черкаській областях.""", OffsetDateTime.parse("2023-01-02T04:30:00Z"));
        assertEquals(14, n(drones(post).launched()));
        assertEquals(11, n(drones(post).shotDown()));
        assertFalse(drones(post).withheld());
    }

    @Test
    void shouldWithholdOnlyMissilesAndOnlySinceAugust2026() {
        String missiles = "противник атакував крилатими ракетами Калібр та 60 ударними БпЛА.\nСтаном на 08:30 збито/подавлено крилату ракету Калібр та 50 ворожих БпЛА.";
        List<String> before = unreadable("У ніч на 3 липня (з 18:00 2 липня) " + missiles, JULY_2026);
        assertTrue(before.stream().anyMatch(p -> p.startsWith("launched: 'крилатими ракетами Калібр' in 'У ніч на 3 липня") && p.contains("names no number")),
                before.toString());

        ParsedPost since = parse("У ніч на 20 серпня (з 18:00 19 серпня) " + missiles, AUGUST_2026);
        assertTrue(line(since, "Kalibr").withheld());
        assertNull(line(since, "Kalibr").launched(), "withheld is unknown, never 0");

        List<String> drones = unreadable("""
                У ніч на 20 серпня (з 18:00 19 серпня) противник атакував ударними БпЛА.
                Станом на 08:30 збито/подавлено 50 ворожих БпЛА.""", AUGUST_2026);
        assertTrue(drones.stream().anyMatch(p -> p.contains("'ударними БпЛА'") && p.contains("names no number")), drones.toString());
    }

    @Test
    void shouldTakeAWithheldCountFromTheRadarsFigureForItsOneLine() {
        ParsedPost post = parse("""
                У ніч на 20 серпня (з 18:00 19 серпня) противник атакував балістичними ракетами Іскандер-М та 120 ударними БпЛА.
                Загалом зафіксовано 130 засобів повітряного нападу – 10 ракет та 120 БпЛА.
                Станом на 08:00 збито/подавлено 6 балістичних ракет Іскандер-М та 100 ворожих БпЛА.""", AUGUST_2026);
        assertEquals(10, n(line(post, "Iskander-M").launched()), "the radar's '10 ракет' can only be the Iskanders");
        assertFalse(line(post, "Iskander-M").withheld());
        assertTrue(post.consistent(), post.disagreements().toString());
    }

    @Test
    void shouldRefuseACountWithoutANounThatTwoWeaponsCouldOwnQuotingItsSentence() {
        List<String> problems = unreadable("""
                У ніч на 20 жовтня загарбники атакували 2 ракетами Х-59 та 10 БпЛА.
                Станом на 06:00 знищено 8.""", Y2022);
        assertTrue(problems.stream().anyMatch(p -> p.contains("cannot tell which weapon '8' in 'Станом на 06:00 знищено 8.'")), problems.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "90 ударними БпЛА типу Shahed, понад 50 із них – реактивні, Гербера",
            "90 ударними БпЛА типу Shahed, з них понад 50 – реактивні, Гербера", "90 ударними БпЛА типу Shahed, понад 50 з яких – реактивні шахеди",
            "90 ударними БпЛА, з яких близько 50 реактивних БпЛА", "90 ударними БпЛА (понад 50 із них – реактивні БпЛА)" })
    void shouldNeverAddASubcountHoweverItIsWritten(String launched) {
        ParsedPost post = parse("У ніч на 3 липня (з 18:00 2 липня) противник атакував " + launched + ".\nСтаном на 08:30 збито/подавлено 80 ворожих БпЛА.",
                JULY_2026);
        assertEquals(1, post.request().lines().size());
        assertEquals(90, n(drones(post).launched()));
    }

    @Test
    void shouldReadTonightAsTheNightToTheDayThePostWasPublished() {
        ParsedPost post = parse("""
                Цієї ночі з 00:00 до 02:00 ворог запустив по Україні чотирнадцять ударних БпЛА типу Shahed-136 з південного напрямку.
                Усі чотирнадцять були знищені силами та засобами протиповітряної оборони.""", OffsetDateTime.parse("2022-10-17T00:20:00Z"));
        assertEquals("2022-10-17T00:00", post.request().windowStart());
        assertEquals("2022-10-17T02:00", post.request().windowEnd());
        assertEquals(14, n(drones(post).launched()));
        assertEquals(14, n(drones(post).shotDown()));

        ParsedPost dated = parse("Цієї ночі, 17 жовтня, з 00:00 до 02:00 ворог атакував Київщину 12 ударними БпЛА. Всі вони знищені.",
                OffsetDateTime.parse("2022-10-17T05:00:00Z"));
        assertEquals("2022-10-17T02:00", dated.request().windowEnd());
        assertEquals(12, n(drones(dated).shotDown()));
    }

    @Test
    void shouldDateTheNightToTheFirstOfJanuaryReadOnNewYearsEveInTheComingYear() {
        ParsedPost post = parser.parse("""
                У ніч на 1 січня (з 18:00 31 грудня) противник атакував 20 ударними БпЛА.
                Станом на 08:00 збито/подавлено 18 ворожих БпЛА.""", null, URL);
        assertEquals("2026-12-31T18:00", post.request().windowStart(), "the clock says 31 December 2026");
        assertEquals("2027-01-01T08:00", post.request().windowEnd());
    }

    @Test
    void shouldWarnOfALocalTimeTheClocksSkipOrRepeatAndSayWhatItIsReadAs() {
        ParsedPost spring = parse("""
                У ніч на 29 березня (з 18:00 28 березня) противник атакував 99 ударними БпЛА.
                Станом на 03:30 збито/подавлено 80 ворожих БпЛА.""", OffsetDateTime.parse("2026-03-29T01:00:00Z"));
        assertEquals("2026-03-29T03:30", spring.request().windowEnd());
        assertTrue(spring.warnings().stream().anyMatch(w -> w.contains("2026-03-29T03:30 does not exist in Kyiv") && w.contains("2026-03-29T04:30+03:00")),
                spring.warnings().toString());

        ParsedPost autumn = parse("""
                У ніч на 26 жовтня (з 18:00 25 жовтня) противник атакував 99 ударними БпЛА.
                Станом на 03:30 збито/подавлено 80 ворожих БпЛА.""", OffsetDateTime.parse("2025-10-26T02:00:00Z"));
        assertTrue(autumn.warnings().stream().anyMatch(w -> w.contains("2025-10-26T03:30 happened twice") && w.contains("2025-10-26T03:30+03:00")),
                autumn.warnings().toString());

        ParsedPost ordinary = parse("У ніч на 27 жовтня (з 19:00 26 жовтня) противник атакував 80-ма ударними БпЛА.\nСтаном на 09:00 збито 41 ударний БпЛА.",
                OffsetDateTime.parse("2024-10-27T07:40:00Z"));
        assertFalse(ordinary.warnings().stream().anyMatch(w -> w.startsWith("the window's")), "a night across the change names no skipped time");
    }

    @Test
    void shouldCheckAHeadlineOfDestroyedOfAgainstTheItems() {
        String body = "\nУ ніч на 20 жовтня противник атакував Україну 25 ударними БпЛА. Станом на 07:00 знищено 20.";
        assertTrue(parse("⚡️ Збито 20 з 25 ударних БпЛА" + body, Y2022).consistent());
        ParsedPost off = parse("⚡️ Збито 19 з 25 ударних БпЛА" + body, Y2022);
        assertEquals(List.of(new Disagreement(Disagreement.Check.HEADLINE, "19 з 25 ударних БпЛА", "shot down", 19, 20)), off.disagreements());
    }

    @Test
    void shouldReadTheSingularOfADecoyAsOneSuppressed() {
        ParsedPost post = parse("""
                Протягом дня 10 червня (з 08:00 до 18:00) противник атакував 19 ударними БпЛА типу Shahed та безпілотниками-імітаторами.
                Станом на 18:00 підтверджено збиття 14 ударних БпЛА. Безпілотник-імітатор локаційно втрачено.""", OffsetDateTime.parse("2025-06-10T15:20:00Z"));
        assertEquals(14, n(drones(post).shotDown()));
        assertEquals(1, n(drones(post).suppressed()));
    }

    @Test
    void shouldCutTheHeadlineIntoClausesAsTheBodyIs() {
        ParsedPost post = parse("""
                ⚡️ ЗБИТО 52 ВОРОЖІ БПЛА, 44 БЕЗПІЛОТНИКІВ – НЕ ДОСЯГЛИ ЦІЛЕЙ (ЛОКАЦІЙНО ВТРАЧЕНІ)
                У ніч на 22 грудня 2024 року (із 09.00 21 грудня) противник, атакував 103-ма ударними БпЛА типу «Shahed».
                Станом на 10.00 підтверджено збиття 52 ударних БпЛА.
                44 ворожі безпілотники – локаційно втрачені.""", OffsetDateTime.parse("2024-12-22T08:00:00Z"));
        assertEquals(103, n(drones(post).launched()), "'противник, атакував': a comma does not part the attacker from the verb");
        assertEquals(52, n(drones(post).shotDown()));
        assertEquals(44, n(drones(post).suppressed()));
        assertTrue(post.consistent(), "the headline's 52 shot down and 44 lost agree: " + post.disagreements());
    }

    @Test
    void shouldReadBulletsWithVerbsOfTheirOwnAndCheckTheTotalsAboveThemAgainstThem() {
        ParsedPost post = parse("""
                У ніч на 23 червня (із 20.00 22 червня) противник атакував 352 ударними БпЛА типу Shahed із напрямків: Курськ, Орел – рф.
                Станом на 09.00 знешкоджено 354 засоби, 158 збито, 196 – локаційно втрачені:
                - 146 ворожих БпЛА збито вогневими засобами, 193 — локаційно втрачені;
                - 7 балістичних ракет – збито, ще 3 – локаційно втрачені.""", OffsetDateTime.parse("2025-06-23T06:00:00Z"));
        assertEquals(146, n(drones(post).shotDown()));
        assertEquals(193, n(drones(post).suppressed()));
        assertEquals(7, n(line(post, "Ballistic Missile").shotDown()));
        assertEquals(3, n(line(post, "Ballistic Missile").suppressed()));
        assertEquals(List.of(new Disagreement(Disagreement.Check.STATED_TOTAL, "354 засоби", "neutralised", 354, 349),
                new Disagreement(Disagreement.Check.STATED_TOTAL, "158", "shot down", 158, 153)), post.disagreements(),
                "the totals above the bullets are checked against them, never added");
    }

    @Test
    void shouldGoOnWithAListWhoseLineBrokeBeforeIt() {
        ParsedPost post = parse("""
                У ніч на 12 жовтня (із 20.00 11 жовтня) противник атакував
                118-та ударними БпЛА типу Shahed із напрямків: Курськ – рф, близько 50 із них- шахеди.
                Станом на 09.00 збито/подавлено 103 ворожі БпЛА.""", OffsetDateTime.parse("2025-10-12T06:00:00Z"));
        assertEquals(118, n(drones(post).launched()));
        assertEquals(103, n(drones(post).neutralised()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "У ніч на 01, березня (з 18:00 28 лютого) | 2025-03-01T06:00:00Z | 2025-02-28T18:00 | 2025-03-01T08:00",
            "У ніч на 24 вересня 2024 року (із 20.00 23.09 по 07.00 24.09) | 2024-09-24T05:00:00Z | 2024-09-23T20:00 | 2024-09-24T07:00",
            "Із 18.30 25 грудня по 03.00 26 грудня 2023 року | 2023-12-26T05:00:00Z | 2023-12-25T18:30 | 2023-12-26T03:00",
            "У період із 14.30 по 20.30 7 травня | 2025-05-08T05:00:00Z | 2025-05-07T14:30 | 2025-05-07T20:30",
            "Протягом 17 жовтня (з 06:00 до 17:00) | 2022-10-17T15:00:00Z | 2022-10-17T06:00 | 2022-10-17T17:00" })
    void shouldReadAWindowHoweverItsHeaderIsWritten(String header, String publishedAt, String start, String end) {
        ParsedPost post = parse(header + " противник атакував 30 ударними БпЛА.\nСтаном на 08:00 збито/подавлено 20 ворожих БпЛА.",
                OffsetDateTime.parse(publishedAt));
        assertEquals(start, post.request().windowStart());
        assertEquals(end, post.request().windowEnd());
    }

    @Test
    void shouldRefuseAWindowThatStartsWeeksBeforeItEnds() {
        List<String> problems = unreadable("У ніч на 3 серпня (із 19.00 2 червня) противник атакував 76 ударними БпЛА.\n"
                + "Станом на 08:00 збито/подавлено 70 ворожих БпЛА.", OffsetDateTime.parse("2025-08-03T06:00:00Z"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("starts 62 days before it ends")), problems.toString());
    }

    @Test
    void shouldStopEveryLineWhenAllTargetsWereShotDownAndKeepReconnaissanceDronesApart() {
        ParsedPost post = parse("""
                У ніч на 27 липня 2024 року ворог атакував керованою авіаційною ракетою Х-59 та чотирма ударними БпЛА «Shahed».
                Станом на 08:00 усі цілі було збито. Крім того, знищено 4 розвідувальні БпЛА «Supercam».""", OffsetDateTime.parse("2024-07-27T05:00:00Z"));
        assertEquals(1, n(line(post, "X-59").shotDown()));
        assertEquals(4, n(drones(post).shotDown()), "the reconnaissance drones are not the strike drones");
        assertEquals(4, n(line(post, "Reconnaissance UAV").shotDown()));
        assertNull(line(post, "Reconnaissance UAV").launched());
    }

    @Test
    void shouldReadNeutralisedFromZneshkodzheno() {
        ParsedPost post = parse("У ніч на 8 березня (з 18:00 7 березня) противник атакував 40 ударними БпЛА.\nСтаном на 09:00 знешкоджено 30 ворожих БпЛА.",
                Y2025);
        assertEquals(30, n(drones(post).neutralised()));
    }

    @Test
    void shouldRefuseASentenceThatCountsWeaponsInWordsItDoesNotKnowAndAListLongerThanAnyReports() {
        List<String> problems = unreadable("""
                У ніч на 8 березня (з 18:00 7 березня) противник атакував 40 ударними БпЛА.
                Станом на 09:00 нейтралізовано 30 ворожих БпЛА.""", Y2025);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("not read: 'Станом на 09:00 нейтралізовано 30 ворожих БпЛА.'")), problems.toString());

        List<String> endless = unreadable("У ніч на 8 березня (з 18:00 7 березня) противник атакував " + "1 ударним БпЛА та ".repeat(200)
                + "1 ударним БпЛА.\nСтаном на 09:00 збито/подавлено 30 ворожих БпЛА.", Y2025);
        assertTrue(endless.stream().anyMatch(p -> p.startsWith("launched: '1 ударним БпЛА та") && p.contains("without a break")), endless.toString());
    }
}
