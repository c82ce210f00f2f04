package org.airattack.stats.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.readmodel.PeriodFilter;
import org.airattack.stats.readmodel.Snapshot;
import org.airattack.stats.report.Line;
import org.airattack.stats.report.StoredReport;
import org.airattack.stats.series.Tally;

/**
 * A source's dated nights (nights and multi-night spans, as {@link PeriodFilter#NIGHT} counts them)
 * broken down by weapon: what the {@code airattack_night_*} gauges show for the latest night and
 * the OpenMetrics export for every night.
 */
final class NightFigures {

    private NightFigures() {
    }

    /** One weapon (or bundle) on one night, with its counts summed over the night's reports. */
    record WeaponFigures(String weapon, Category category, Tally tally) {
    }

    /**
     * One dated night.
     *
     * @param date    the date it counts under
     * @param end     the end of its latest window
     * @param weapons per weapon, ordered by weapon key
     */
    record Night(LocalDate date, Instant end, List<WeaponFigures> weapons) {
    }

    /** The source's nights from {@code from} to {@code to} (inclusive; null for open), oldest first. */
    static List<Night> nights(Snapshot snapshot, String source, LocalDate from, LocalDate to) {
        NavigableMap<LocalDate, List<StoredReport>> dated = snapshot.dated(source, PeriodFilter.NIGHT, from, to);
        List<Night> nights = new ArrayList<>(dated.size());
        dated.forEach((date, reports) -> nights.add(night(date, reports)));
        return nights;
    }

    /** The night of these reports (one date's nights and spans). */
    static Night night(LocalDate date, List<StoredReport> reports) {
        Map<String, WeaponFigures> weapons = new TreeMap<>();
        Instant end = null;
        for (StoredReport r : reports) {
            Instant e = r.latest().window().end().instant();
            if (end == null || e.isAfter(end)) {
                end = e;
            }
            for (Line l : r.latest().lines()) {
                weapons.computeIfAbsent(l.weapon().key(), k -> new WeaponFigures(k, l.weapon().category(), new Tally()))
                        .tally().add(l);
            }
        }
        return new Night(date, end, List.copyOf(weapons.values()));
    }
}
