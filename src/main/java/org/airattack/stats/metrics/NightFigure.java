package org.airattack.stats.metrics;

import org.airattack.stats.series.Measure;

/**
 * The counts of a night that are published per source, category and weapon: live as gauges of the
 * source's latest night, in the OpenMetrics export once per night, under the same names.
 */
enum NightFigure {
    LAUNCHED(Measure.LAUNCHED, AirAttackMetrics.NIGHT_LAUNCHED,
            "Weapons launched at the country in a dated night of the source (live: its latest night; export: each night)"),
    SHOT_DOWN(Measure.SHOT_DOWN, AirAttackMetrics.NIGHT_SHOT_DOWN,
            "Weapons shot down (destroyed kinetically) in a dated night of the source (live: its latest night; export: each night)"),
    SUPPRESSED(Measure.SUPPRESSED, AirAttackMetrics.NIGHT_SUPPRESSED,
            "Weapons suppressed (locationally lost, mostly to electronic warfare) in a dated night of the source "
                    + "(live: its latest night; export: each night)"),
    NEUTRALISED(Measure.NEUTRALISED, AirAttackMetrics.NIGHT_NEUTRALISED,
            "Weapons neutralised (shot down plus suppressed, or the combined figure) in a dated night of the source "
                    + "(live: its latest night; export: each night)");

    final Measure measure;
    final String meterName;
    final String help;

    NightFigure(Measure measure, String meterName, String help) {
        this.measure = measure;
        this.meterName = meterName;
        this.help = help;
    }

    /** The name Prometheus sees: the Micrometer name with underscores (these gauges have no unit). */
    String prometheusName() {
        return meterName.replace('.', '_');
    }
}
