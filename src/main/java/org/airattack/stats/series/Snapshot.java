package org.airattack.stats.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
 * One immutable state of the read model: every report with its history, and per source the active
 * reports by date. A write produces a new snapshot; readers keep the one they started with.
 */
public final class Snapshot {

    /** Newest first: by date, then window end, then id. */
    static final Comparator<StoredReport> NEWEST_FIRST = Comparator
            .comparing((StoredReport r) -> r.latest().date()).reversed()
            .thenComparing(Comparator.comparing((StoredReport r) -> r.latest().window().end().instant()).reversed())
            .thenComparing(Comparator.comparingLong(StoredReport::id).reversed());

    static final Snapshot EMPTY = new Snapshot(0, Instant.EPOCH, Instant.EPOCH, Map.of(), Map.of(), List.of());

    private final long version;
    private final Instant updatedAt;
    private final Instant lastModified;
    private final Map<Long, StoredReport> reports;
    private final Map<String, NavigableMap<LocalDate, List<StoredReport>>> activeBySource;
    private final List<StoredReport> newestFirst;

    private Snapshot(long version, Instant updatedAt, Instant lastModified, Map<Long, StoredReport> reports,
            Map<String, NavigableMap<LocalDate, List<StoredReport>>> activeBySource, List<StoredReport> newestFirst) {
        this.version = version;
        this.updatedAt = updatedAt;
        this.lastModified = lastModified;
        this.reports = reports;
        this.activeBySource = activeBySource;
        this.newestFirst = newestFirst;
    }

    /** The data version: the number of writes the database had committed when this snapshot was taken. */
    public long version() {
        return version;
    }

    /** When this replica last took in a change. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** When the data last changed: the newest revision or retraction; the same on every replica. */
    public Instant lastModified() {
        return lastModified;
    }

    public Optional<StoredReport> report(long id) {
        return Optional.ofNullable(reports.get(id));
    }

    /** Every report, active and retracted, newest first. */
    public List<StoredReport> reportsNewestFirst() {
        return newestFirst;
    }

    /** A source's active reports by date (the date of their latest revision), each date's list ordered by window end. */
    public NavigableMap<LocalDate, List<StoredReport>> activeByDate(String source) {
        NavigableMap<LocalDate, List<StoredReport>> m = activeBySource.get(source);
        return m == null ? java.util.Collections.emptyNavigableMap() : m;
    }

    /** A new snapshot with these reports replaced (or added), at this version. */
    Snapshot with(Collection<StoredReport> changed, long newVersion, Instant now) {
        if (changed.isEmpty()) {
            return newVersion == version ? this : new Snapshot(newVersion, now, lastModified, reports, activeBySource, newestFirst);
        }
        Map<Long, StoredReport> all = new HashMap<>(reports);
        Set<String> touched = new HashSet<>();
        Instant modified = lastModified;
        for (StoredReport r : changed) {
            modified = latest(modified, r.latest().recordedAt());
            modified = latest(modified, r.retractedAt());
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
        Map<String, NavigableMap<LocalDate, List<StoredReport>>> bySource = new HashMap<>(activeBySource);
        Map<String, TreeMap<LocalDate, List<StoredReport>>> rebuilt = new HashMap<>();
        for (String s : touched) {
            rebuilt.put(s, new TreeMap<>());
        }
        for (StoredReport r : all.values()) {
            TreeMap<LocalDate, List<StoredReport>> index = rebuilt.get(r.source().slug());
            if (index != null && r.active()) {
                index.computeIfAbsent(r.latest().date(), d -> new ArrayList<>()).add(r);
            }
        }
        Comparator<StoredReport> byWindowEnd = Comparator
                .comparing((StoredReport r) -> r.latest().window().end().instant())
                .thenComparingLong(StoredReport::id);
        for (Map.Entry<String, TreeMap<LocalDate, List<StoredReport>>> e : rebuilt.entrySet()) {
            TreeMap<LocalDate, List<StoredReport>> frozen = new TreeMap<>();
            e.getValue().forEach((date, list) -> {
                list.sort(byWindowEnd);
                frozen.put(date, List.copyOf(list));
            });
            bySource.put(e.getKey(), java.util.Collections.unmodifiableNavigableMap(frozen));
        }
        List<StoredReport> ordered = new ArrayList<>(all.values());
        ordered.sort(NEWEST_FIRST);
        return new Snapshot(Math.max(version, newVersion), now, modified, Map.copyOf(all), Map.copyOf(bySource),
                List.copyOf(ordered));
    }

    private static Instant latest(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
