package org.airattack.stats.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.airattack.stats.report.StoredReport;

/**
 * One immutable state of the read model: every report with its history, and per source and period
 * filter the active reports by the date they count under. A write produces a new snapshot; readers
 * keep the one they started with.
 */
public final class Snapshot {

    /** Newest first: by date, then window end, then id. */
    static final Comparator<StoredReport> NEWEST_FIRST = Comparator
            .comparing((StoredReport r) -> r.latest().date()).reversed()
            .thenComparing(Comparator.comparing((StoredReport r) -> r.latest().window().end().instant()).reversed())
            .thenComparing(Comparator.comparingLong(StoredReport::id).reversed());

    /** Within a date: by window end, then id. */
    private static final Comparator<StoredReport> BY_WINDOW_END = Comparator
            .comparing((StoredReport r) -> r.latest().window().end().instant())
            .thenComparingLong(StoredReport::id);

    static final Snapshot EMPTY = new Snapshot(0, Instant.EPOCH, false, ReportsById.EMPTY, Map.of(), new StoredReport[0]);

    private final long version;
    private final Instant lastModified;
    private final boolean secondShared;
    private final ReportsById reports;
    /** Per source, per period filter: the active reports that count, by date. */
    private final Map<String, Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>>> dated;
    /** Every report, newest first; never changed once the snapshot is made. */
    private final StoredReport[] newest;
    private final List<StoredReport> newestFirst;

    private Snapshot(long version, Instant lastModified, boolean secondShared, ReportsById reports,
            Map<String, Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>>> dated, StoredReport[] newest) {
        this.version = version;
        this.lastModified = lastModified;
        this.secondShared = secondShared;
        this.reports = reports;
        this.dated = dated;
        this.newest = newest;
        this.newestFirst = Collections.unmodifiableList(Arrays.asList(newest));
    }

    /** The data version: the number of writes the database had committed when this snapshot was taken. */
    public long version() {
        return version;
    }

    /** When the data last changed: the newest revision or retraction; the same on every replica. */
    public Instant lastModified() {
        return lastModified;
    }

    /**
     * True when the data also changed earlier within the second of {@link #lastModified()}: an HTTP
     * date (whole seconds) cannot tell those states apart, so {@code If-Modified-Since} of that second
     * proves nothing.
     */
    public boolean secondShared() {
        return secondShared;
    }

    public Optional<StoredReport> report(long id) {
        return Optional.ofNullable(reports.get(id));
    }

    /** Every report, active and retracted, newest first. */
    public List<StoredReport> reportsNewestFirst() {
        return newestFirst;
    }

    /**
     * The nights of a source: the dates on which its active reports count for the period filter,
     * oldest first, each with those reports (by the date of their latest revision, ordered by window
     * end). Every read of dated figures goes through here.
     */
    public NavigableMap<LocalDate, List<StoredReport>> dated(String source, PeriodFilter period) {
        Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>> bySource = dated.get(source);
        return bySource == null ? Collections.emptyNavigableMap() : bySource.get(period);
    }

    /** The same from {@code from} to {@code to}, inclusive; null for an open end. */
    public NavigableMap<LocalDate, List<StoredReport>> dated(String source, PeriodFilter period, LocalDate from, LocalDate to) {
        NavigableMap<LocalDate, List<StoredReport>> all = dated(source, period);
        if (from != null && to != null) {
            return all.subMap(from, true, to, true);
        }
        if (from != null) {
            return all.tailMap(from, true);
        }
        return to != null ? all.headMap(to, true) : all;
    }

    /** A snapshot of exactly these reports, at this version (a view derived from another one: {@link AsOf}). */
    static Snapshot of(Collection<StoredReport> reports, long version) {
        return EMPTY.with(reports, version);
    }

    /**
     * A new snapshot with these reports replaced (or added), at this version. It shares what the
     * change leaves alone with this one: a write costs its own reports, the dates they count under
     * and one pass over the newest-first order, not a rebuild of every index.
     */
    Snapshot with(Collection<StoredReport> changed, long newVersion) {
        if (changed.isEmpty()) {
            return newVersion == version ? this : new Snapshot(newVersion, lastModified, secondShared, reports, dated, newest);
        }
        Map<Long, StoredReport> taken = new LinkedHashMap<>();
        List<Instant> changes = new ArrayList<>();
        changes.add(lastModified);
        for (StoredReport r : changed) {
            r.revisions().forEach(rev -> changes.add(rev.recordedAt()));
            if (r.retractedAt() != null) {
                changes.add(r.retractedAt());
            }
            StoredReport previous = taken.containsKey(r.id()) ? taken.get(r.id()) : reports.get(r.id());
            if (previous == null || previous.lastChange() <= r.lastChange()) {
                taken.put(r.id(), r);
            }
        }
        Instant modified = Collections.max(changes);
        boolean shared = modified.equals(lastModified) ? secondShared
                : changes.stream().anyMatch(c -> !c.equals(modified) && c.getEpochSecond() == modified.getEpochSecond());
        return new Snapshot(Math.max(version, newVersion), modified, shared, reports.with(taken.values()),
                reindex(taken.values()), reorder(taken.values()));
    }

    /** The dated index with the changed reports moved: only the dates they left or joined are rebuilt. */
    private Map<String, Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>>> reindex(Collection<StoredReport> taken) {
        record Night(String source, PeriodFilter period, LocalDate date) {
        }
        Set<Long> ids = new HashSet<>();
        Set<Night> touched = new HashSet<>();
        for (StoredReport r : taken) {
            ids.add(r.id());
            StoredReport previous = reports.get(r.id());
            for (StoredReport version : previous == null ? List.of(r) : List.of(previous, r)) {
                for (PeriodFilter period : PeriodFilter.values()) {
                    if (period.matches(version.latest().period())) {
                        touched.add(new Night(version.source().slug(), period, version.latest().date()));
                    }
                }
            }
        }
        Map<Night, List<StoredReport>> nights = new HashMap<>();
        for (Night night : touched) {
            List<StoredReport> list = new ArrayList<>();
            for (StoredReport r : dated(night.source(), night.period()).getOrDefault(night.date(), List.of())) {
                if (!ids.contains(r.id())) {
                    list.add(r);
                }
            }
            nights.put(night, list);
        }
        for (StoredReport r : taken) {
            if (r.active()) {
                for (PeriodFilter period : PeriodFilter.values()) {
                    if (period.matches(r.latest().period())) {
                        nights.get(new Night(r.source().slug(), period, r.latest().date())).add(r);
                    }
                }
            }
        }
        Map<String, Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>>> bySource = new HashMap<>(dated);
        Map<String, Map<PeriodFilter, TreeMap<LocalDate, List<StoredReport>>>> copies = new HashMap<>();
        nights.forEach((night, list) -> {
            TreeMap<LocalDate, List<StoredReport>> byDate = copies.computeIfAbsent(night.source(), s -> new EnumMap<>(PeriodFilter.class))
                    .computeIfAbsent(night.period(), p -> new TreeMap<>(dated(night.source(), p)));
            if (list.isEmpty()) {
                byDate.remove(night.date());
            } else {
                list.sort(BY_WINDOW_END);
                byDate.put(night.date(), List.copyOf(list));
            }
        });
        copies.forEach((source, byPeriod) -> {
            Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>> out = new EnumMap<>(PeriodFilter.class);
            for (PeriodFilter period : PeriodFilter.values()) {
                TreeMap<LocalDate, List<StoredReport>> copy = byPeriod.get(period);
                out.put(period, copy != null ? Collections.unmodifiableNavigableMap(copy) : dated(source, period));
            }
            bySource.put(source, Map.copyOf(out));
        });
        return Map.copyOf(bySource);
    }

    /**
     * The newest-first order with the changed reports taken out and put back where they now sort:
     * binary searches for them, and the runs between copied whole.
     */
    private StoredReport[] reorder(Collection<StoredReport> taken) {
        int[] gone = new int[taken.size()];
        int goneCount = 0;
        for (StoredReport r : taken) {
            StoredReport previous = reports.get(r.id());
            if (previous != null) {
                int at = Arrays.binarySearch(newest, previous, NEWEST_FIRST);
                if (at < 0) {
                    throw new IllegalStateException("report " + r.id() + " is missing from the newest-first order");
                }
                gone[goneCount++] = at;
            }
        }
        Arrays.sort(gone, 0, goneCount);
        StoredReport[] coming = taken.toArray(StoredReport[]::new);
        Arrays.sort(coming, NEWEST_FIRST);
        StoredReport[] out = new StoredReport[newest.length - goneCount + coming.length];
        int n = 0;
        int from = 0;
        int g = 0;
        for (int c = 0; c <= coming.length; c++) {
            int to = newest.length;
            if (c < coming.length) {
                int at = Arrays.binarySearch(newest, coming[c], NEWEST_FIRST);
                to = at >= 0 ? at : -at - 1;
            }
            // the old entries before this one's place, less those that changed
            while (from < to) {
                int end = g < goneCount && gone[g] < to ? gone[g] : to;
                System.arraycopy(newest, from, out, n, end - from);
                n += end - from;
                from = end;
                if (g < goneCount && gone[g] == from) {
                    from++;
                    g++;
                }
            }
            if (c < coming.length) {
                out[n++] = coming[c];
            }
        }
        return out;
    }
}
