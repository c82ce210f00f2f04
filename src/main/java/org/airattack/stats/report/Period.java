package org.airattack.stats.report;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What part of a date a report's window covers (SPEC §1 "Period and date"). */
public enum Period {
    /** Ends at or before 13:00: "the night to D". */
    NIGHT,
    /** Starts and ends on D, ending after 13:00. */
    DAY,
    /** Longer than 24 h, or crossing midnight without ending in the morning. */
    SPAN;

    @JsonValue
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Period> fromSlug(String slug) {
        for (Period p : values()) {
            if (p.slug().equals(slug)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
