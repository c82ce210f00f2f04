package org.airattack.stats.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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

    static final Snapshot EMPTY = new Snapshot(0, Instant.EPOCH, false, Map.of(), Map.of(), List.of());

    private final long version;
    private final Instant lastModified;
    private final boolean secondShared;
    private final Map<Long, StoredReport> reports;
    /** Per source, per period filter: the active reports that count, by date. */
    private final Map<String, Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>>> dated;
    private final List<StoredReport> newestFirst;

    private Snapshot(long version, Instant lastModified, boolean secondShared, Map<Long, StoredReport> reports,
            Map<String, Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>>> dated, List<StoredReport> newestFirst) {
        this.version = version;
        this.lastModified = lastModified;
        this.secondShared = secondShared;
        this.reports = reports;
        this.dated = dated;
        this.newestFirst = newestFirst;
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

    /** A new snapshot with these reports replaced (or added), at this version. */
    Snapshot with(Collection<StoredReport> changed, long newVersion) {
        if (changed.isEmpty()) {
            return newVersion == version ? this : new Snapshot(newVersion, lastModified, secondShared, reports, dated, newestFirst);
        }
        Map<Long, StoredReport> all = new HashMap<>(reports);
        Set<String> touched = new HashSet<>();
        List<Instant> changes = new ArrayList<>();
        changes.add(lastModified);
        for (StoredReport r : changed) {
            r.revisions().forEach(rev -> changes.add(rev.recordedAt()));
            if (r.retractedAt() != null) {
                changes.add(r.retractedAt());
            }
            StoredReport previous = all.get(r.id());
            if (previous != null && previous.lastChange() > r.lastChange()) {
                continue;
            }
            all.put(r.id(), r);
            touched.add(r.source().slug());
            if (previous != null) {
                touched.add(previous.source().slug());
            }
        }
        Map<String, Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>>> bySource = new HashMap<>(dated);
        Map<String, List<StoredReport>> active = new HashMap<>();
        for (String s : touched) {
            active.put(s, new ArrayList<>());
        }
        for (StoredReport r : all.values()) {
            List<StoredReport> list = active.get(r.source().slug());
            if (list != null && r.active()) {
                list.add(r);
            }
        }
        active.forEach((source, reportsOfSource) -> bySource.put(source, index(reportsOfSource)));
        List<StoredReport> ordered = new ArrayList<>(all.values());
        ordered.sort(NEWEST_FIRST);
        Instant modified = Collections.max(changes);
        boolean shared = modified.equals(lastModified) ? secondShared
                : changes.stream().anyMatch(c -> !c.equals(modified) && c.getEpochSecond() == modified.getEpochSecond());
        return new Snapshot(Math.max(version, newVersion), modified, shared, Map.copyOf(all), Map.copyOf(bySource),
                List.copyOf(ordered));
    }

    /** One source's active reports by date, once per period filter. */
    private static Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>> index(List<StoredReport> active) {
        active.sort(BY_WINDOW_END);
        Map<PeriodFilter, NavigableMap<LocalDate, List<StoredReport>>> out = new EnumMap<>(PeriodFilter.class);
        for (PeriodFilter period : PeriodFilter.values()) {
            TreeMap<LocalDate, List<StoredReport>> byDate = new TreeMap<>();
            for (StoredReport r : active) {
                if (period.matches(r.latest().period())) {
                    byDate.computeIfAbsent(r.latest().date(), d -> new ArrayList<>()).add(r);
                }
            }
            byDate.replaceAll((date, list) -> List.copyOf(list));
            out.put(period, Collections.unmodifiableNavigableMap(byDate));
        }
        return out;
    }
}
