package org.airattack.stats.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.readmodel.ReadModel;
import org.airattack.stats.readmodel.Snapshot;

/**
 * The per-night history as OpenMetrics text for {@code promtool tsdb create-blocks-from openmetrics}:
 * the same {@code airattack_night_*} names and labels as the live gauges, one sample per night
 * stamped with the end of that night's latest window, so a backfilled Prometheus holds the whole
 * history under the names the live scrape continues. Unknown counts have no sample.
 */
@ApplicationScoped
public class OpenMetricsExport {

    /** The media type of the answer. */
    public static final String MEDIA_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final ReadModel readModel;

    public OpenMetricsExport(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** One sample: the labels written out, the value, the timestamp in seconds. */
    private record Sample(String labels, long value, long seconds) {
    }

    /** The nights of these sources from {@code from} to {@code to} (inclusive; null for open). */
    public String export(Collection<SourceInfo> sources, LocalDate from, LocalDate to) {
        Snapshot snapshot = readModel.snapshot();
        Map<NightFigure, Map<String, List<Sample>>> figures = new EnumMap<>(NightFigure.class);
        Map<String, List<Sample>> timestamps = new TreeMap<>();
        for (NightFigure f : NightFigure.values()) {
            figures.put(f, new TreeMap<>());
        }
        for (SourceInfo source : sources) {
            for (NightFigures.Night night : NightFigures.nights(snapshot, source.slug(), from, to)) {
                long seconds = night.end().getEpochSecond();
                String sourceLabel = label("source", source.slug());
                timestamps.computeIfAbsent(sourceLabel, k -> new ArrayList<>()).add(new Sample(sourceLabel, seconds, seconds));
                for (NightFigures.WeaponFigures w : night.weapons()) {
                    String labels = sourceLabel + "," + label("category", w.category().slug()) + "," + label("weapon", w.weapon());
                    for (NightFigure f : NightFigure.values()) {
                        Long value = w.tally().value(f.measure);
                        if (value != null) {
                            figures.get(f).computeIfAbsent(labels, k -> new ArrayList<>()).add(new Sample(labels, value, seconds));
                        }
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(64 * 1024);
        figures.forEach((f, series) -> family(out, f.prometheusName(), f.help, series));
        family(out, AirAttackMetrics.NIGHT_TIMESTAMP.replace('.', '_') + "_" + AirAttackMetrics.SECONDS,
                AirAttackMetrics.NIGHT_TIMESTAMP_HELP, timestamps);
        out.append("# EOF\n");
        return out.toString();
    }

    /** {@code name="value"}, the value escaped as the exposition formats ask (our slugs never need it). */
    private static String label(String name, String value) {
        return name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** One metric family: its metadata, then each series (by labels) with its samples oldest first, as OpenMetrics asks. */
    private static void family(StringBuilder out, String name, String help, Map<String, List<Sample>> series) {
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        for (List<Sample> samples : series.values()) {
            for (Sample s : samples) {
                out.append(name).append('{').append(s.labels()).append("} ").append(s.value()).append(' ').append(s.seconds())
                        .append('\n');
            }
        }
    }
}
