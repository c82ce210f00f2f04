package org.airattack.stats.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.WeaponRef;
import org.airattack.stats.report.Line;
import org.airattack.stats.report.Period;
import org.airattack.stats.report.Revision;
import org.airattack.stats.report.StoredReport;
import org.airattack.stats.web.ApiException;

/** Aggregations over the read model (SPEC §2): series, nights, a night's detail, the summary. Never touches the database. */
@ApplicationScoped
public class SeriesService {

    /** The most points one series may have: with fill over a long range, the client must narrow it. */
    static final int MAX_POINTS = 20_000;

    private final ReadModel readModel;

    public SeriesService(ReadModel readModel) {
        this.readModel = readModel;
    }

    public long dataVersion() {
        return readModel.snapshot().version();
    }

    /** One point of a series while it is built: the tallies of its groups. */
    private static final class Point {
        final Map<String, Tally> groups = new HashMap<>();
        boolean span;
    }

    public SeriesResponse series(SeriesQuery q) {
        Snapshot snapshot = readModel.snapshot();
        NavigableMap<LocalDate, List<StoredReport>> byDate = range(snapshot.activeByDate(q.source().slug()), q.from(), q.to());
        TreeMap<LocalDate, Point> points = new TreeMap<>();
        for (Map.Entry<LocalDate, List<StoredReport>> e : byDate.entrySet()) {
            for (StoredReport r : e.getValue()) {
                Revision rev = r.latest();
                if (!q.period().matches(rev.period())) {
                    continue;
                }
                Point p = points.computeIfAbsent(q.interval().start(e.getKey()), d -> new Point());
                p.span |= rev.period() == Period.SPAN;
                for (Line l : rev.lines()) {
                    if (q.weapons() != null && !q.weapons().contains(l.weapon().key())
                            || q.categories() != null && !q.categories().contains(l.weapon().category())) {
                        continue;
                    }
                    p.groups.computeIfAbsent(q.groupBy().groupOf(l), g -> new Tally()).add(l);
                }
            }
        }

        List<LocalDate> dates = dates(q, points);
        Point[] aligned = new Point[dates.size()];
        List<Boolean> spans = new ArrayList<>(dates.size());
        List<String> isoDates = new ArrayList<>(dates.size());
        for (int i = 0; i < aligned.length; i++) {
            LocalDate d = dates.get(i);
            aligned[i] = points.get(d);
            spans.add(aligned[i] != null && aligned[i].span);
            isoDates.add(d.toString());
        }
        // Where each group has a tally, in date order: a weapon is on a fraction of the nights, and
        // only those cells need work (the rest stay unknown, or 0 on empty dates with fill=zero).
        Map<String, Occurrences> byGroup = new HashMap<>();
        int[] emptyDates = new int[aligned.length];
        int empty = 0;
        for (int i = 0; i < aligned.length; i++) {
            if (aligned[i] == null) {
                emptyDates[empty++] = i;
                continue;
            }
            for (Map.Entry<String, Tally> g : aligned[i].groups.entrySet()) {
                byGroup.computeIfAbsent(g.getKey(), k -> new Occurrences()).add(i, g.getValue());
            }
        }
        emptyDates = Arrays.copyOf(emptyDates, empty);
        List<String> groups = groups(q.groupBy(), byGroup.keySet());
        List<SeriesResponse.Series> series = new ArrayList<>(groups.size() * q.measures().size());
        Occurrences none = new Occurrences();
        for (String group : groups) {
            Occurrences at = byGroup.getOrDefault(group, none);
            for (Measure m : q.measures()) {
                series.add(q.cumulative() ? cumulative(q, aligned.length, at, group, m)
                        : series(q, aligned.length, emptyDates, at, group, m));
            }
        }
        String from = q.from() != null ? q.from().toString() : dates.isEmpty() ? null : isoDates.get(0);
        String to = q.to() != null ? q.to().toString() : dates.isEmpty() ? null : isoDates.get(isoDates.size() - 1);
        return new SeriesResponse(q.source().slug(), q.period(), q.interval(), q.groupBy(), from, to, q.cumulative(),
                isoDates, spans, series, snapshot.version(), Instant.now().toString(), Attribution.of(q.source()));
    }

    private static List<LocalDate> dates(SeriesQuery q, TreeMap<LocalDate, Point> points) {
        if (q.fill() == Fill.NONE) {
            return new ArrayList<>(points.keySet());
        }
        LocalDate first = q.from() != null ? q.interval().start(q.from()) : points.isEmpty() ? null : points.firstKey();
        LocalDate last = q.to() != null ? q.interval().start(q.to()) : points.isEmpty() ? null : points.lastKey();
        List<LocalDate> dates = new ArrayList<>();
        if (first == null || last == null) {
            return dates;
        }
        if (q.interval() == Interval.NIGHT && ChronoUnit.DAYS.between(first, last) >= MAX_POINTS) {
            throw ApiException.invalid("from", "fill=" + q.fill().name().toLowerCase() + " over " + first + " to " + last
                    + " would give more than " + MAX_POINTS + " points; narrow the range or use a longer interval");
        }
        for (LocalDate d = first; !d.isAfter(last); d = q.interval().next(d)) {
            dates.add(d);
        }
        return dates;
    }

    private static List<String> groups(GroupBy groupBy, Set<String> seen) {
        if (groupBy == GroupBy.TOTAL) {
            return List.of(GroupBy.TOTAL_GROUP);
        }
        List<String> groups = new ArrayList<>(seen);
        if (groupBy == GroupBy.CATEGORY) {
            groups.sort(Comparator.comparingInt(g -> Category.fromSlug(g).map(Enum::ordinal).orElse(99)));
        } else {
            groups.sort(Comparator.naturalOrder());
        }
        return groups;
    }

    /** The dates (as indexes into the aligned dates, ascending) on which one group has a tally, and those tallies. */
    private static final class Occurrences {
        int[] dates = new int[16];
        Tally[] tallies = new Tally[16];
        int size;

        void add(int date, Tally t) {
            if (size == dates.length) {
                dates = Arrays.copyOf(dates, size * 2);
                tallies = Arrays.copyOf(tallies, size * 2);
            }
            dates[size] = date;
            tallies[size++] = t;
        }
    }

    /**
     * One (group, measure) series of plain values: the group's tallies where it has one; on dates
     * without any report 0 when zeros are asked for (counts only), else unknown. The partial list is
     * left out when no value is partial.
     */
    private static SeriesResponse.Series series(SeriesQuery q, int length, int[] emptyDates, Occurrences at, String group,
            Measure m) {
        NumberColumn values = m.derived() ? NumberColumn.ratios(length) : NumberColumn.counts(length);
        BitSet partial = null;
        for (int k = 0; k < at.size; k++) {
            Tally t = at.tallies[k];
            set(values, at.dates[k], t, m, false);
            if (t.partial(m)) {
                partial = flag(partial, at.dates[k], length);
            }
        }
        if (q.fill() == Fill.ZERO && !m.derived()) {
            for (int i : emptyDates) {
                values.setCount(i, 0);
            }
        }
        return new SeriesResponse.Series(group, m, values, partial == null ? null : new FlagColumn(partial, length));
    }

    /**
     * One (group, measure) series of running sums over the aligned dates; once a value is known, every
     * later one is (unknown contributions make it partial from there on).
     */
    private static SeriesResponse.Series cumulative(SeriesQuery q, int length, Occurrences at, String group, Measure m) {
        NumberColumn values = m.derived() ? NumberColumn.ratios(length) : NumberColumn.counts(length);
        BitSet partial = null;
        Tally running = new Tally();
        boolean runningPartial = false;
        int k = 0;
        for (int i = 0; i < length; i++) {
            if (k < at.size && at.dates[k] == i) {
                Tally t = at.tallies[k++];
                running.add(t);
                runningPartial |= t.partial(m);
            }
            set(values, i, running, m, q.fill() == Fill.ZERO);
            if (runningPartial) {
                partial = flag(partial, i, length);
            }
        }
        return new SeriesResponse.Series(group, m, values, partial == null ? null : new FlagColumn(partial, length));
    }

    /** Sets flag i, making the flags on the first one (most series have none). */
    private static BitSet flag(BitSet flags, int i, int length) {
        BitSet out = flags != null ? flags : new BitSet(length);
        out.set(i);
        return out;
    }

    /** Puts a tally's value of the measure into the column; unknown stays unset (null), or 0 when zeros are asked for. */
    private static void set(NumberColumn values, int i, Tally t, Measure m, boolean zeroForUnknown) {
        if (m.derived()) {
            if (t.hasRate()) {
                values.setRatio(i, t.rateValue());
            }
        } else if (t.known(m)) {
            values.setCount(i, t.sum(m));
        } else if (zeroForUnknown) {
            values.setCount(i, 0);
        }
    }

    private static NavigableMap<LocalDate, List<StoredReport>> range(NavigableMap<LocalDate, List<StoredReport>> all,
            LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            return all.subMap(from, true, to, true);
        }
        if (from != null) {
            return all.tailMap(from, true);
        }
        if (to != null) {
            return all.headMap(to, true);
        }
        return all;
    }

    /** The reports of one date that the period filter counts, in window order. */
    private static List<StoredReport> reportsOn(Snapshot s, SourceInfo source, PeriodFilter period, LocalDate date) {
        List<StoredReport> all = s.activeByDate(source.slug()).get(date);
        if (all == null) {
            return List.of();
        }
        return all.stream().filter(r -> period.matches(r.latest().period())).toList();
    }

    /** A date's detail, or empty when no report counts on it. */
    public Optional<NightResponse> night(SourceInfo source, PeriodFilter period, LocalDate date) {
        Snapshot s = readModel.snapshot();
        List<StoredReport> reports = reportsOn(s, source, period, date);
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        Tally totals = new Tally();
        Map<Category, Tally> categories = new EnumMap<>(Category.class);
        Map<String, Tally> weapons = new TreeMap<>();
        Map<String, WeaponRef> refs = new HashMap<>();
        List<NightResponse.ReportRef> refsOut = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean span = false;
        for (StoredReport r : reports) {
            Revision rev = r.latest();
            span |= rev.period() == Period.SPAN;
            refsOut.add(new NightResponse.ReportRef(r.id(), rev.revision(), rev.period().slug(), rev.window().start().iso(),
                    rev.window().end().iso(), rev.url(),
                    rev.publishedAt() == null ? null : rev.publishedAt().atZone(source.zone()).toOffsetDateTime().toString()));
            for (String w : rev.warnings()) {
                warnings.add("report " + r.id() + ": " + w);
            }
            for (Line l : rev.lines()) {
                totals.add(l);
                categories.computeIfAbsent(l.weapon().category(), c -> new Tally()).add(l);
                weapons.computeIfAbsent(l.weapon().key(), k -> new Tally()).add(l);
                refs.putIfAbsent(l.weapon().key(), l.weapon());
            }
        }
        List<NightResponse.CategoryMeasures> cats = new ArrayList<>();
        categories.forEach((c, t) -> cats.add(new NightResponse.CategoryMeasures(c, Measures.of(t))));
        List<NightResponse.WeaponMeasures> weps = new ArrayList<>();
        weapons.forEach((k, t) -> {
            WeaponRef ref = refs.get(k);
            weps.add(new NightResponse.WeaponMeasures(k, ref.name(), ref.category(), Measures.of(t)));
        });
        return Optional.of(new NightResponse(source.slug(), period, date.toString(), Measures.of(totals), cats, weps, refsOut,
                new Flags(totals.incomplete(), totals.withheld(), span), warnings, s.version(), Attribution.of(source)));
    }

    /** The most recent date on which a report counts. */
    public Optional<LocalDate> latestDate(SourceInfo source, PeriodFilter period) {
        return latestDate(readModel.snapshot(), source, period);
    }

    private static Optional<LocalDate> latestDate(Snapshot s, SourceInfo source, PeriodFilter period) {
        for (Map.Entry<LocalDate, List<StoredReport>> e : s.activeByDate(source.slug()).descendingMap().entrySet()) {
            for (StoredReport r : e.getValue()) {
                if (period.matches(r.latest().period())) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** The most recent date's detail. */
    public Optional<NightResponse> latest(SourceInfo source, PeriodFilter period) {
        return latestDate(source, period).flatMap(d -> night(source, period, d));
    }

    /** One tally per reported date in range, with its categories. */
    private static final class DateTally {
        final Tally total = new Tally();
        final Map<Category, Tally> categories = new EnumMap<>(Category.class);
        boolean span;

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
            return new Flags(total.incomplete(), total.withheld(), span);
        }
    }

    private static TreeMap<LocalDate, DateTally> tallies(Snapshot s, SourceInfo source, PeriodFilter period, LocalDate from,
            LocalDate to) {
        TreeMap<LocalDate, DateTally> out = new TreeMap<>();
        for (Map.Entry<LocalDate, List<StoredReport>> e : range(s.activeByDate(source.slug()), from, to).entrySet()) {
            for (StoredReport r : e.getValue()) {
                if (period.matches(r.latest().period())) {
                    out.computeIfAbsent(e.getKey(), d -> new DateTally()).add(r.latest());
                }
            }
        }
        return out;
    }

    /** Rows per reported date, oldest first. */
    public NightsResponse nights(SourceInfo source, PeriodFilter period, LocalDate from, LocalDate to) {
        Snapshot s = readModel.snapshot();
        TreeMap<LocalDate, DateTally> tallies = tallies(s, source, period, from, to);
        List<NightsResponse.Row> rows = new ArrayList<>(tallies.size());
        java.util.EnumSet<Category> seen = java.util.EnumSet.noneOf(Category.class);
        tallies.forEach((date, t) -> {
            seen.addAll(t.categories.keySet());
            rows.add(new NightsResponse.Row(date.toString(), Measures.of(t.total), t.categoryMeasures(), t.flags()));
        });
        String f = from != null ? from.toString() : tallies.isEmpty() ? null : tallies.firstKey().toString();
        String t = to != null ? to.toString() : tallies.isEmpty() ? null : tallies.lastKey().toString();
        return new NightsResponse(source.slug(), period, f, t, rows, seen.stream().map(Category::slug).toList(), s.version(),
                Instant.now().toString(), Attribution.of(source));
    }

    /** Headline figures: latest night, last 7 and 30 nights, year to date, all time, record night, rates. */
    public SummaryResponse summary(SourceInfo source, PeriodFilter period) {
        Snapshot s = readModel.snapshot();
        TreeMap<LocalDate, DateTally> all = tallies(s, source, period, null, null);
        String now = Instant.now().toString();
        if (all.isEmpty()) {
            return new SummaryResponse(source.slug(), period, null, null, null, null, null, null,
                    new SummaryResponse.Rates(null, null, null, null, null), s.version(), now, Attribution.of(source));
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
                record = new SummaryResponse.RecordNight(e.getKey().toString(), launched, e.getValue().total.value(Measure.NEUTRALISED));
            }
        }
        SummaryResponse.Rates rates = new SummaryResponse.Rates(last.total.rate(), w7.totals().interceptionRate(),
                w30.totals().interceptionRate(), ytd.totals().interceptionRate(), ever.totals().interceptionRate());
        return new SummaryResponse(source.slug(), period, night, w7, w30, ytd, ever, record, rates, s.version(), now,
                Attribution.of(source));
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
        categories.forEach((c, t) -> cats.put(c.slug(), Measures.of(t)));
        return new SummaryResponse.Window(from.toString(), to.toString(), sub.size(), Measures.of(total), cats, partial);
    }
}
