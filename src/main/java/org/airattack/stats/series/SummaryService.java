package org.airattack.stats.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.readmodel.PeriodFilter;
import org.airattack.stats.readmodel.AsOf;
import org.airattack.stats.readmodel.Snapshot;

/** A source's headline figures (SPEC §3): latest night, last 7 and 30 nights, year to date, all time, record night, rates. */
@ApplicationScoped
public class SummaryService {

    private final AsOf views;

    public SummaryService(AsOf views) {
        this.views = views;
    }

    /** Headline figures: latest night, last 7 and 30 nights, year to date, all time, record night, rates; as of {@code asOf} (null: now). */
    public SummaryResponse summary(SourceInfo source, PeriodFilter period, Instant asOf) {
        Snapshot s = views.at(asOf);
        TreeMap<LocalDate, DateTally> all = DateTally.of(s.dated(source.slug(), period));
        String now = Instant.now().toString();
        String then = asOf == null ? null : asOf.toString();
        if (all.isEmpty()) {
            return new SummaryResponse(source.slug(), period, null, null, null, null, null, null,
                    new SummaryResponse.Rates(null, null, null, null, null), s.version(), now, Attribution.of(source), then);
        }
        LocalDate latest = all.lastKey();
        DateTally last = all.lastEntry().getValue();
        SummaryResponse.Night night = new SummaryResponse.Night(latest.toString(), Measures.of(last.total), last.categoryMeasures(),
                last.flags());
        SummaryResponse.Window w7 = window(all, latest.minusDays(6), latest);
        SummaryResponse.Window w30 = window(all, latest.minusDays(29), latest);
        SummaryResponse.Window ytd = window(all, latest.withDayOfYear(1), latest);
        SummaryResponse.Window ever = window(all, all.firstKey(), latest);
        SummaryResponse.RecordNight record = null;
        for (Map.Entry<LocalDate, DateTally> e : all.entrySet()) {
            Long launched = e.getValue().total.value(Measure.LAUNCHED);
            if (launched != null && (record == null || launched > record.launched())) {
                record = new SummaryResponse.RecordNight(e.getKey().toString(), launched, e.getValue().total.value(Measure.NEUTRALISED),
                        e.getValue().flags());
            }
        }
        SummaryResponse.Rates rates = new SummaryResponse.Rates(last.total.rate(), w7.totals().interceptionRate(),
                w30.totals().interceptionRate(), ytd.totals().interceptionRate(), ever.totals().interceptionRate());
        return new SummaryResponse(source.slug(), period, night, w7, w30, ytd, ever, record, rates, s.version(), now,
                Attribution.of(source), then);
    }

    private static SummaryResponse.Window window(TreeMap<LocalDate, DateTally> all, LocalDate from, LocalDate to) {
        Tally total = new Tally();
        Map<Category, Tally> categories = new EnumMap<>(Category.class);
        boolean partial = false;
        NavigableMap<LocalDate, DateTally> sub = all.subMap(from, true, to, true);
        for (DateTally t : sub.values()) {
            total.add(t.total);
            t.categories.forEach((c, ct) -> categories.computeIfAbsent(c, k -> new Tally()).add(ct));
            partial |= t.total.incomplete();
        }
        Map<String, Measures> cats = new LinkedHashMap<>();
        categories.forEach((c, t) -> cats.put(c.slug(), Measures.acrossNights(t)));
        int nights = (int) ChronoUnit.DAYS.between(from, to) + 1;
        return new SummaryResponse.Window(from.toString(), to.toString(), nights, sub.size(), Measures.acrossNights(total), cats,
                partial || sub.size() < nights);
    }
}
