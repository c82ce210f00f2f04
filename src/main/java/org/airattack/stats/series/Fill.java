package org.airattack.stats.series;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a series does with dates that have no report: leave them out, show null, or (only when asked) 0. */
public enum Fill {
    NONE,
    NULL,
    ZERO;

    /** How the parameter names it. */
    @JsonValue
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Fill> fromSlug(String s) {
        for (Fill f : values()) {
            if (f.slug().equals(s)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
