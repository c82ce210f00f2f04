package org.airattack.stats.series;

import java.util.Locale;
import java.util.Optional;

/** What a series does with dates that have no report: leave them out, show null, or (only when asked) 0. */
public enum Fill {
    NONE,
    NULL,
    ZERO;

    public static Optional<Fill> fromSlug(String s) {
        for (Fill f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(s)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
