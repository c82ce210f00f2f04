package org.airattack.stats.series;

import java.util.List;

import org.airattack.stats.report.SameNightRule;
import org.airattack.stats.report.StoredReport;

/**
 * What a reader of a night's numbers must know.
 *
 * @param partial  some line leaves launched or neutralised unknown: the sums cover the known lines only
 * @param withheld some line's counts were withheld by the source (unknown, not zero)
 * @param span     a report counted here covers more than one night (a multi-day tally)
 * @param overlap  two reports counted here have overlapping windows (separate waves, or a night filed twice)
 */
public record Flags(boolean partial, boolean withheld, boolean span, boolean overlap) {

    /** True when two of these reports (one date's) have overlapping windows. */
    static boolean overlap(List<StoredReport> reports) {
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                if (SameNightRule.overlap(reports.get(i).latest().window(), reports.get(j).latest().window())) {
                    return true;
                }
            }
        }
        return false;
    }
}
