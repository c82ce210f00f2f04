package org.airattack.stats.series;

/** Every measure of one point; null is unknown, never zero. */
public record Measures(Long launched, Long shotDown, Long suppressed, Long neutralised, Long stillAirborne,
        Long hitLocations, Long debrisLocations, Double interceptionRate) {

    /** One of the measures; null is unknown. */
    public Number get(Measure which) {
        return switch (which) {
            case LAUNCHED -> launched;
            case SHOT_DOWN -> shotDown;
            case SUPPRESSED -> suppressed;
            case NEUTRALISED -> neutralised;
            case STILL_AIRBORNE -> stillAirborne;
            case HIT_LOCATIONS -> hitLocations;
            case DEBRIS_LOCATIONS -> debrisLocations;
            case INTERCEPTION_RATE -> interceptionRate;
        };
    }

    static Measures of(Tally t) {
        return new Measures(t.value(Measure.LAUNCHED), t.value(Measure.SHOT_DOWN), t.value(Measure.SUPPRESSED),
                t.value(Measure.NEUTRALISED), t.value(Measure.STILL_AIRBORNE), t.value(Measure.HIT_LOCATIONS),
                t.value(Measure.DEBRIS_LOCATIONS), t.rate());
    }

    /** The measures of a tally over several nights: still airborne is a snapshot of each night, never summed. */
    static Measures acrossNights(Tally t) {
        return new Measures(t.value(Measure.LAUNCHED), t.value(Measure.SHOT_DOWN), t.value(Measure.SUPPRESSED),
                t.value(Measure.NEUTRALISED), null, t.value(Measure.HIT_LOCATIONS), t.value(Measure.DEBRIS_LOCATIONS), t.rate());
    }
}
