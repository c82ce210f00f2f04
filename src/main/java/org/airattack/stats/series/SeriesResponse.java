package org.airattack.stats.series;

import java.util.List;

import org.airattack.stats.readmodel.PeriodFilter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A columnar time series: {@code values[i]} of every series belongs to {@code dates[i]}.
 *
 * @param source      whose reports
 * @param period      which periods count
 * @param interval    the step; each date is the first date of its interval
 * @param groupBy     the split
 * @param from        the first date asked for, or of the data
 * @param to          the last date asked for, or of the data
 * @param cumulative  whether values are running sums
 * @param dates       the dates, ISO
 * @param spans       per date: a multi-night report is counted in it
 * @param truncated   per date, for weeks, months and years: {@code from} or {@code to} cut that bucket, so its
 *                    value covers only part of it; left out for nights
 * @param series      one entry per (group, measure)
 * @param dataVersion the read model version the answer comes from
 * @param generatedAt when it was computed
 * @param attribution the credit to show with it
 * @param asOf        the instant the answer shows the data at, when one was asked for
 */
public record SeriesResponse(String source, PeriodFilter period, Interval interval, GroupBy groupBy, String from, String to,
        boolean cumulative, List<String> dates, List<Boolean> spans,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Boolean> truncated, List<Series> series, long dataVersion, String generatedAt,
        String attribution, @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {

    /**
     * One series.
     *
     * @param group   "total", a category, or a weapon key
     * @param measure what it counts
     * @param values  one per date; null is unknown
     * @param partial one per date: some contributions were unknown or withheld; left out when none was
     */
    public record Series(String group, Measure measure, List<Number> values,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Boolean> partial) {
    }
}
