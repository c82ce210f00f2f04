package org.airattack.stats.events;

import java.util.Locale;
import java.util.Optional;

/** The kinds of event a write makes: a night first published, a night's figures changed, a summary of a large import. */
public enum EventType {
    NIGHT,
    CORRECTION,
    BULK;

    /** The name on the wire: the SSE {@code event:} field, {@code types=}, {@code X-AirAttack-Event}, webhook {@code events}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> fromSlug(String s) {
        for (EventType t : values()) {
            if (t.slug().equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
