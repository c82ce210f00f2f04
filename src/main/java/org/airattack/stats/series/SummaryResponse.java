package org.airattack.stats.series;

import java.util.Map;

import org.airattack.stats.readmodel.PeriodFilter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The headline figures of a source: the payload of a headline widget; {@code asOf}, when asked for,
 * is the instant the answer shows the data at.
 */
public record SummaryResponse(String source, PeriodFilter period, Night latestNight, Window last7Nights, Window last30Nights,
        Window yearToDate, Window allTime, RecordNight recordNight, Rates interceptionRates, long dataVersion, String generatedAt,
        String attribution, @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {

    /** The latest dated night. */
    public record Night(String date, Measures totals, Map<String, Measures> categories, Flags flags) {
    }

    /**
     * Sums over a range of dates ending at the latest night.
     *
     * @param from           first date of the range
     * @param to             last date of the range
     * @param nights         how many dates the range has
     * @param nightsReported how many of them have a report
     * @param totals         the sums (still airborne, a snapshot of each night, is never summed: null)
     * @param partial        some contribution is unknown or withheld, or some night has no report
     */
    public record Window(String from, String to, int nights, int nightsReported, Measures totals,
            Map<String, Measures> categories, boolean partial) {
    }

    /** The date with the most launched, with what a reader must know about its figures. */
    public record RecordNight(String date, long launched, Long neutralised, Flags flags) {
    }

    /** Neutralised / launched per window. */
    public record Rates(Double latestNight, Double last7Nights, Double last30Nights, Double yearToDate, Double allTime) {
    }
}
