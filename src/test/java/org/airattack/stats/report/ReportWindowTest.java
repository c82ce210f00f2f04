package org.airattack.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The period/date rule of SPEC §1, row by row of its table. */
class ReportWindowTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static ReportWindow window(String start, String end, ZoneId zone) {
        return new ReportWindow(WindowPoint.parse(start, zone, false).orElseThrow(),
                WindowPoint.parse(end, zone, true).orElseThrow());
    }

    @ParameterizedTest(name = "{0} → {1} ({2}) is {3} dated {4}")
    @CsvSource({
            "2025-05-23T20:30, 2025-05-24T08:30, Europe/Kyiv,   NIGHT, 2025-05-24",
            "2026-05-14T03:00, 2026-05-14T04:00, Europe/Kyiv,   NIGHT, 2026-05-14",
            "2026-05-13T08:00, 2026-05-13T18:30, Europe/Kyiv,   DAY,   2026-05-13",
            "2025-05-20T20:00, 2025-05-23T08:00, Europe/Moscow, SPAN,  2025-05-23",
            "2023-05-16,       2023-05-17T08:00, Europe/Kyiv,   NIGHT, 2023-05-17",
            "2024-03-09,       2024-03-09,       Europe/Kyiv,   DAY,   2024-03-09",
            "2025-10-25T18:00, 2025-10-26T09:00, Europe/Kyiv,   NIGHT, 2025-10-26",
    })
    void shouldClassifyEveryRowOfTheSpecTable(String start, String end, String zone, Period period, LocalDate date) {
        ReportWindow w = window(start, end, ZoneId.of(zone));
        assertEquals(period, w.period());
        assertEquals(date, w.date());
    }

    @Test
    void shouldMeasureANightAcrossTheAutumnClockChangeAsSixteenHours() {
        ReportWindow w = window("2025-10-25T18:00", "2025-10-26T09:00", KYIV);
        assertEquals(Duration.ofHours(16), w.length());
        assertEquals("2025-10-25T18:00+03:00", w.start().iso());
        assertEquals("2025-10-26T09:00+02:00", w.end().iso());
    }

    @Test
    void shouldTreatAnEndAtExactlyOnePmAsANight() {
        assertEquals(Period.NIGHT, window("2025-05-22T22:30", "2025-05-23T13:00", KYIV).period());
        assertEquals(Period.SPAN, window("2025-05-22T22:30", "2025-05-23T13:01", KYIV).period());
    }

    @Test
    void shouldNeverCallADateOnlyEndANight() {
        ReportWindow w = window("2025-05-23T20:00", "2025-05-24", KYIV);
        assertEquals(Period.SPAN, w.period());
        assertEquals(LocalDate.of(2025, 5, 24), w.date());
    }

    @Test
    void shouldReadOffsetTimesInTheSourcesZone() {
        ReportWindow w = window("2025-05-20T17:00:00Z", "2025-05-23T05:00:00Z", MOSCOW);
        assertEquals(Period.SPAN, w.period());
        assertEquals("2025-05-23T08:00", w.end().local());
    }

    @Test
    void shouldReadUnpaddedHoursAndASpaceForTheT() {
        WindowPoint p = WindowPoint.parse(" 2025-03-06 3:30 ", KYIV, false).orElseThrow();
        assertEquals("2025-03-06T03:30", p.local());
    }

    @Test
    void shouldRejectImpossibleDatesAndTimes() {
        assertTrue(WindowPoint.parse("2025-02-30T08:00", KYIV, true).isEmpty());
        assertTrue(WindowPoint.parse("2025-05-24T25:00", KYIV, true).isEmpty());
        assertTrue(WindowPoint.parse("yesterday", KYIV, true).isEmpty());
    }

    @Test
    void shouldRoundTripDateOnlyPointsThroughStorage() {
        WindowPoint end = WindowPoint.parse("2024-03-09", KYIV, true).orElseThrow();
        WindowPoint stored = WindowPoint.stored(end.instant(), true, KYIV, true);
        assertEquals(LocalDate.of(2024, 3, 9), stored.date());
        assertTrue(stored.dateOnly());
    }
}
