package org.airattack.stats.series;

import java.util.List;
import java.util.Map;

import org.airattack.stats.readmodel.PeriodFilter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row per reported date with per-category totals, oldest first: the shape tables and widgets take;
 * {@code asOf}, when asked for, is the instant the answer shows the data at.
 */
public record NightsResponse(String source, PeriodFilter period, String from, String to, List<Row> nights,
        List<String> categories, long dataVersion, String generatedAt, String attribution,
        @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {

    /** One date. */
    public record Row(String date, Measures totals, Map<String, Measures> categories, Flags flags) {
    }
}
