package org.airattack.stats.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.readmodel.PeriodFilter;
import org.airattack.stats.readmodel.ReadModel;
import org.airattack.stats.readmodel.Snapshot;

/** The nights of a source as a table (SPEC §3): one row per reported date with its totals and per-category measures. */
@ApplicationScoped
public class NightTableService {

    private final ReadModel readModel;

    public NightTableService(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** Rows per reported date, oldest first. */
    public NightsResponse nights(SourceInfo source, PeriodFilter period, LocalDate from, LocalDate to) {
        Snapshot s = readModel.snapshot();
        TreeMap<LocalDate, DateTally> tallies = DateTally.of(s.dated(source.slug(), period, from, to));
        List<NightsResponse.Row> rows = new ArrayList<>(tallies.size());
        EnumSet<Category> seen = EnumSet.noneOf(Category.class);
        tallies.forEach((date, t) -> {
            seen.addAll(t.categories.keySet());
            rows.add(new NightsResponse.Row(date.toString(), Measures.of(t.total), t.categoryMeasures(), t.flags()));
        });
        String f = from != null ? from.toString() : tallies.isEmpty() ? null : tallies.firstKey().toString();
        String t = to != null ? to.toString() : tallies.isEmpty() ? null : tallies.lastKey().toString();
        return new NightsResponse(source.slug(), period, f, t, rows, seen.stream().map(Category::slug).toList(), s.version(),
                Instant.now().toString(), Attribution.of(source));
    }
}
