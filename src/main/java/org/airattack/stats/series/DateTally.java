package org.airattack.stats.series;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.report.Line;
import org.airattack.stats.report.Period;
import org.airattack.stats.report.Revision;
import org.airattack.stats.report.StoredReport;

/** The figures of one reported date: its total and per-category tallies, and whether a span counts on it. */
final class DateTally {

    final Tally total = new Tally();
    final Map<Category, Tally> categories = new EnumMap<>(Category.class);
    boolean span;
    boolean overlap;

    /** One tally per date of these nights, oldest first. */
    static TreeMap<LocalDate, DateTally> of(NavigableMap<LocalDate, List<StoredReport>> nights) {
        TreeMap<LocalDate, DateTally> out = new TreeMap<>();
        nights.forEach((date, reports) -> {
            DateTally t = new DateTally();
            reports.forEach(r -> t.add(r.latest()));
            t.overlap = Flags.overlap(reports);
            out.put(date, t);
        });
        return out;
    }

    void add(Revision rev) {
        span |= rev.period() == Period.SPAN;
        for (Line l : rev.lines()) {
            total.add(l);
            categories.computeIfAbsent(l.weapon().category(), c -> new Tally()).add(l);
        }
    }

    Map<String, Measures> categoryMeasures() {
        Map<String, Measures> out = new LinkedHashMap<>();
        categories.forEach((c, t) -> out.put(c.slug(), Measures.of(t)));
        return out;
    }

    Flags flags() {
        return new Flags(total.incomplete(), total.withheld(), span, overlap);
    }
}
