package org.airattack.stats.series;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The step of a series: each date, ISO week (dated by its Monday), month (its 1st) or year (1 January). */
public enum Interval {
    NIGHT,
    WEEK,
    MONTH,
    YEAR;

    /** The first date of the interval holding {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case NIGHT -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** The first date of the next interval. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case NIGHT -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    @JsonValue
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Interval> fromSlug(String s) {
        for (Interval i : values()) {
            if (i.slug().equals(s)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
