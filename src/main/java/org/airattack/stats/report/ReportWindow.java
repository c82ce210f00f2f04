package org.airattack.stats.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A report's window and the period and date it is counted under (SPEC §1), computed in the
 * source's zone where D is the end's date:
 * <ol>
 * <li>both ends have a time and the window is longer than 24 h: span, dated D;</li>
 * <li>the end has a time at or before 13:00: night, dated D ("the night to D");</li>
 * <li>the start is on D too: day, dated D;</li>
 * <li>otherwise: span, dated D.</li>
 * </ol>
 * Lengths are measured between instants, so a night across a DST change has its true length.
 */
public record ReportWindow(WindowPoint start, WindowPoint end) {

    /** The latest end time that still makes a window a night. */
    public static final LocalTime NIGHT_ENDS_BY = LocalTime.of(13, 0);

    private static final Duration DAY = Duration.ofHours(24);

    public Duration length() {
        return Duration.between(start.instant(), end.instant());
    }

    public Period period() {
        if (!start.dateOnly() && !end.dateOnly() && length().compareTo(DAY) > 0) {
            return Period.SPAN;
        }
        if (!end.dateOnly() && !end.time().isAfter(NIGHT_ENDS_BY)) {
            return Period.NIGHT;
        }
        if (start.date().equals(end.date())) {
            return Period.DAY;
        }
        return Period.SPAN;
    }

    public LocalDate date() {
        return end.date();
    }
}
