package org.airattack.stats.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.readmodel.PeriodFilter;

/**
 * A parsed request for a time series.
 *
 * @param source     whose reports
 * @param period     which periods count
 * @param interval   the step
 * @param groupBy    the split
 * @param measures   what to count
 * @param from       first date (inclusive), or null for the start of the data
 * @param to         last date (inclusive), or null for the end of the data
 * @param weapons    only these weapon keys, or null for all
 * @param categories only these categories, or null for all
 * @param cumulative running sums from the first date of the answer
 * @param fill       what dates without a report become
 * @param asOf       the instant whose data to show, or null for now
 */
public record SeriesQuery(SourceInfo source, PeriodFilter period, Interval interval, GroupBy groupBy, List<Measure> measures,
        LocalDate from, LocalDate to, Set<String> weapons, Set<Category> categories, boolean cumulative, Fill fill,
        Instant asOf) {
}
