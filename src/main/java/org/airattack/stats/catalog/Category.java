package org.airattack.stats.catalog;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Weapon categories. Their order is the precedence a bundle takes ("X-101/X-555 and Kalibr and
 * Iskander-M/KN-23" is a ballistic-missile line): ballistic &gt; cruise &gt; surface-to-air &gt;
 * guided bomb &gt; drone &gt; other, as other trackers rank them.
 */
public enum Category {
    BALLISTIC_MISSILE("ballistic-missile"),
    CRUISE_MISSILE("cruise-missile"),
    SURFACE_TO_AIR_MISSILE("surface-to-air-missile"),
    GUIDED_BOMB("guided-bomb"),
    DRONE("drone"),
    OTHER("other");

    private final String slug;

    Category(String slug) {
        this.slug = slug;
    }

    @JsonValue
    public String slug() {
        return slug;
    }

    public static Optional<Category> fromSlug(String slug) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
    }

    /** The category a bundle of these two takes. */
    public static Category precedence(Category a, Category b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
