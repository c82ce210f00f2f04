package org.airattack.stats.series;

import java.util.Locale;
import java.util.Optional;

import org.airattack.stats.report.Line;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a series splits its lines: one total, per category, or per weapon (a bundle is its own weapon). */
public enum GroupBy {
    TOTAL,
    CATEGORY,
    WEAPON;

    /** The group label of the total. */
    public static final String TOTAL_GROUP = "total";

    String groupOf(Line l) {
        return switch (this) {
            case TOTAL -> TOTAL_GROUP;
            case CATEGORY -> l.weapon().category().slug();
            case WEAPON -> l.weapon().key();
        };
    }

    @JsonValue
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupBy> fromSlug(String s) {
        for (GroupBy g : values()) {
            if (g.slug().equals(s)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
