package org.airattack.stats.series;

import java.util.Optional;

import org.airattack.stats.report.Line;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a series counts. All but the interception rate are sums of line counts. */
public enum Measure {
    LAUNCHED("launched"),
    SHOT_DOWN("shotDown"),
    SUPPRESSED("suppressed"),
    NEUTRALISED("neutralised"),
    STILL_AIRBORNE("stillAirborne"),
    HIT_LOCATIONS("hitLocations"),
    DEBRIS_LOCATIONS("debrisLocations"),
    /** Σ neutralised / Σ launched over the lines where both are known: a ratio from 0 to 1. */
    INTERCEPTION_RATE("interceptionRate");

    /** The summed measures, in order; their ordinals index {@link Tally}'s arrays. */
    static final Measure[] COUNTS = { LAUNCHED, SHOT_DOWN, SUPPRESSED, NEUTRALISED, STILL_AIRBORNE, HIT_LOCATIONS, DEBRIS_LOCATIONS };

    private final String name;

    Measure(String name) {
        this.name = name;
    }

    @JsonValue
    public String apiName() {
        return name;
    }

    public boolean derived() {
        return this == INTERCEPTION_RATE;
    }

    /** A count at report time, not of the night (still airborne): never summed over several nights. */
    public boolean snapshot() {
        return this == STILL_AIRBORNE;
    }

    public static Optional<Measure> fromApiName(String name) {
        for (Measure m : values()) {
            if (m.name.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    Integer of(Line l) {
        return switch (this) {
            case LAUNCHED -> l.launched();
            case SHOT_DOWN -> l.shotDown();
            case SUPPRESSED -> l.suppressed();
            case NEUTRALISED -> l.neutralised();
            case STILL_AIRBORNE -> l.stillAirborne();
            case HIT_LOCATIONS -> l.hitLocations();
            case DEBRIS_LOCATIONS -> l.debrisLocations();
            case INTERCEPTION_RATE -> throw new IllegalStateException("the interception rate is derived");
        };
    }
}
