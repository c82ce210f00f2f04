package org.airattack.stats.readmodel;

import java.util.Locale;
import java.util.Optional;

import org.airattack.stats.report.Period;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which periods a read counts: nights (with spans, flagged), days, or everything dated D. */
public enum PeriodFilter {
    NIGHT,
    DAY,
    ANY;

    public boolean matches(Period p) {
        return switch (this) {
            case NIGHT -> p == Period.NIGHT || p == Period.SPAN;
            case DAY -> p == Period.DAY;
            case ANY -> true;
        };
    }

    @JsonValue
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PeriodFilter> fromSlug(String s) {
        for (PeriodFilter f : values()) {
            if (f.slug().equals(s)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
