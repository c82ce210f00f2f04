package org.airattack.stats.series;

import java.util.List;
import java.util.Map;

import org.airattack.stats.readmodel.PeriodFilter;

/** One row per reported date with per-category totals, oldest first: the shape tables and widgets take. */
public record NightsResponse(String source, PeriodFilter period, String from, String to, List<Row> nights,
        List<String> categories, long dataVersion, String generatedAt, String attribution) {

    /** One date. */
    public record Row(String date, Measures totals, Map<String, Measures> categories, Flags flags) {
    }
}
