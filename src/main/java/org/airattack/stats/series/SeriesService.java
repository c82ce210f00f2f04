package org.airattack.stats.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.readmodel.AsOf;
import org.airattack.stats.readmodel.Snapshot;
import org.airattack.stats.report.Line;
import org.airattack.stats.report.Period;
import org.airattack.stats.report.Revision;
import org.airattack.stats.report.StoredReport;

/** Columnar time series over the read model (SPEC §2): one point per date or interval, per group and measure. */
@ApplicationScoped
public class SeriesService {

    /** The most points one series may have: with fill over a long range, the client must narrow it. */
    static final int MAX_POINTS = 20_000;

    private final AsOf views;

    public SeriesService(AsOf views) {
        this.views = views;
    }

    /** One point of a series while it is built: the tallies of its groups. */
    private static final class Point {
        final Map<String, Tally> groups = new HashMap<>();
        boolean span;
    }

    public SeriesResponse series(SeriesQuery q) {
        Snapshot snapshot = views.at(q.asOf());
        NavigableMap<LocalDate, List<StoredReport>> byDate = snapshot.dated(q.source().slug(), q.period(), q.from(), q.to());
        TreeMap<LocalDate, Point> points = new TreeMap<>();
        for (Map.Entry<LocalDate, List<StoredReport>> e : byDate.entrySet()) {
            for (StoredReport r : e.getValue()) {
                Revision rev = r.latest();
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
        List<Boolean> truncated = q.interval() == Interval.NIGHT ? null : new ArrayList<>(dates.size());
        List<String> isoDates = new ArrayList<>(dates.size());
        for (int i = 0; i < aligned.length; i++) {
            LocalDate d = dates.get(i);
            aligned[i] = points.get(d);
            spans.add(aligned[i] != null && aligned[i].span);
            isoDates.add(d.toString());
            if (truncated != null) {
                // a week, month or year that from/to cut is not the whole bucket its date names
                truncated.add(q.from() != null && d.isBefore(q.from())
                        || q.to() != null && q.interval().next(d).minusDays(1).isAfter(q.to()));
            }
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
                if (m.snapshot() && (q.cumulative() || q.interval() != Interval.NIGHT)) {
                    // still airborne is a snapshot at report time: a sum over several nights means nothing
                    series.add(new SeriesResponse.Series(group, m, NumberColumn.counts(aligned.length), null));
                    continue;
                }
                series.add(q.cumulative() ? cumulative(q, aligned.length, at, group, m)
                        : series(q, aligned.length, emptyDates, at, group, m));
            }
        }
        // the range asked for, else the first and last date of the data (not of their buckets)
        String from = q.from() != null ? q.from().toString() : byDate.isEmpty() ? null : byDate.firstKey().toString();
        String to = q.to() != null ? q.to().toString() : byDate.isEmpty() ? null : byDate.lastKey().toString();
        return new SeriesResponse(q.source().slug(), q.period(), q.interval(), q.groupBy(), from, to, q.cumulative(),
                isoDates, spans, truncated, series, snapshot.version(), Instant.now().toString(), Attribution.of(q.source()),
                q.asOf() == null ? null : q.asOf().toString());
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
            throw new InvalidException("from", "fill=" + q.fill().name().toLowerCase() + " over " + first + " to " + last
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
}
