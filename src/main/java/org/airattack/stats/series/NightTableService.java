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
import org.airattack.stats.readmodel.AsOf;
import org.airattack.stats.readmodel.Snapshot;

/** The nights of a source as a table (SPEC §3): one row per reported date with its totals and per-category measures. */
@ApplicationScoped
public class NightTableService {

    private final AsOf views;

    public NightTableService(AsOf views) {
        this.views = views;
    }

    /** Rows per reported date, oldest first, as they stood at {@code asOf} (null: now). */
    public NightsResponse nights(SourceInfo source, PeriodFilter period, LocalDate from, LocalDate to, Instant asOf) {
        Snapshot s = views.at(asOf);
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
                Instant.now().toString(), Attribution.of(source), asOf == null ? null : asOf.toString());
    }
}
