package org.airattack.stats.series;

import java.util.List;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.readmodel.PeriodFilter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One date of one source: totals, per-category and per-weapon measures, and the reports behind them;
 * {@code asOf}, when asked for, is the instant the answer shows the data at.
 */
public record NightResponse(String source, PeriodFilter period, String date, Measures totals, List<CategoryMeasures> categories,
        List<WeaponMeasures> weapons, List<ReportRef> reports, Flags flags, List<String> warnings, long dataVersion,
        String attribution, @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {

    /** The measures of one category. */
    public record CategoryMeasures(Category category, @JsonUnwrapped Measures measures) {
    }

    /** The measures of one weapon or bundle. */
    public record WeaponMeasures(String weapon, String name, Category category, @JsonUnwrapped Measures measures) {
    }

    /** A report counted in this date, with its window and where it was published. */
    public record ReportRef(long id, int revision, String period, String windowStart, String windowEnd, String url,
            String publishedAt) {
    }
}
