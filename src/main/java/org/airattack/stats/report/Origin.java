package org.airattack.stats.report;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a revision was written: which writer stored it. Revisions stored before it was recorded have none (unknown). */
public enum Origin {
    /** A writer's JSON write (POST or PUT /api/v1/reports). */
    API,
    /** An Air Force post's text posted to /api/v1/imports/air-force-post. */
    POST,
    /** A post read from the Air Force's channel by the follower. */
    CHANNEL,
    /** The public dataset's import. */
    DATASET,
    /** The dev-mode sample nights. */
    SAMPLE;

    @JsonValue
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The origin stored as this slug; empty for none (a revision older than the column) or an unknown one. */
    public static Optional<Origin> fromSlug(String slug) {
        for (Origin o : values()) {
            if (o.slug().equals(slug)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
