package org.airattack.stats.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.airattack.stats.report.ReportRepository;
import org.airattack.stats.report.ReportsCommitted;
import org.airattack.stats.report.Revision;
import org.airattack.stats.report.StoredReport;
import org.airattack.stats.report.StoredReportReader;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The in-memory read model every read is answered from. It is brought up to date when a write on
 * this replica announces its commit ({@link ReportsCommitted}) and, for writes on other replicas, by a cheap poll of the data
 * version (one row) every {@code airattack.read-model.refresh-interval}. Each new snapshot is
 * announced as a CDI event (a {@link Snapshot}), in order, so derived views such as the Prometheus
 * gauges follow it without polling.
 */
@ApplicationScoped
public class ReadModel {

    /** A refresh slower than this is logged with its phases. */
    private static final long SLOW_REFRESH_NANOS = 200_000_000L;

    private final ReportRepository repository;
    private final StoredReportReader reader;
    private final Event<Snapshot> changed;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile boolean loaded;
    private volatile Instant lastCheck = Instant.EPOCH;

    public ReadModel(ReportRepository repository, StoredReportReader reader, Event<Snapshot> changed) {
        this.repository = repository;
        this.reader = reader;
        this.changed = changed;
    }

    /** Runs after the catalog has loaded. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) StartupEvent event) {
        long started = System.nanoTime();
        refresh();
        Log.infof("read model loaded: %d reports at data version %d in %d ms", snapshot.reportsNewestFirst().size(),
                snapshot.version(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The current state; never blocks. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** True once the first load from the database has completed. */
    public boolean loaded() {
        return loaded;
    }

    /** When this replica last confirmed it is in step with the database. */
    public Instant lastCheck() {
        return lastCheck;
    }

    @Scheduled(every = "${airattack.read-model.refresh-interval:PT1S}", delayed = "${airattack.read-model.refresh-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            Log.debugf("read model refresh failed, serving the last snapshot: %s", e.getMessage());
        }
    }

    /** A write of this replica committed: take it in before the writer answers. */
    void onCommitted(@Observes ReportsCommitted committed) {
        refresh(committed);
    }

    /** Loads every change committed since this snapshot's version. */
    public void refresh() {
        refresh(null);
    }

    /**
     * Loads every change committed since this snapshot's version, taking what a write of this
     * replica left active (the reports it created, and the revisions it added when this snapshot
     * is the state just before it) from memory instead of reading it back; anything else is read
     * from the database.
     */
    private void refresh(ReportsCommitted write) {
        refreshing.lock();
        try {
            Snapshot before = snapshot;
            long known = before.version();
            long started = System.nanoTime();
            Changes changes = QuarkusTransaction.requiringNew().call(() -> load(before, write));
            long loadedAt = System.nanoTime();
            Instant now = Instant.now();
            if (changes.version() < known) {
                Log.warnf("the database's data version went back from %d to %d (restored or reset): reloading everything",
                        known, changes.version());
                reader.forgetSharedValues();
                Changes all = QuarkusTransaction.requiringNew().call(() -> load(Snapshot.EMPTY, null));
                snapshot = Snapshot.EMPTY.with(all.reports(), all.version());
            } else if (changes.version() != known || !changes.reports().isEmpty()) {
                snapshot = snapshot.with(changes.reports(), changes.version());
            }
            lastCheck = now;
            loaded = true;
            long applied = System.nanoTime();
            if (snapshot != before) {
                announce(snapshot);
            }
            long announced = System.nanoTime();
            if (announced - started > SLOW_REFRESH_NANOS) {
                Log.infof("read model took in %d changed reports (%d from the write, the rest read back; version %d): load %d ms, "
                        + "apply %d ms, observers %d ms", changes.reports().size(), changes.fromMemory(), snapshot.version(), (loadedAt - started) / 1_000_000,
                        (applied - loadedAt) / 1_000_000, (announced - applied) / 1_000_000);
            }
        } finally {
            refreshing.unlock();
        }
    }

    /** Under the lock, so observers see the snapshots in the order they were taken; a failing observer never fails a write. */
    private void announce(Snapshot s) {
        try {
            changed.fire(s);
        } catch (RuntimeException e) {
            Log.errorf(e, "an observer of the read model failed on data version %d", s.version());
        }
    }

    /** What a refresh took in: the changed reports, and how many of them came from the write's memory instead of the database. */
    private record Changes(long version, List<StoredReport> reports, int fromMemory) {

        Changes(long version, List<StoredReport> reports) {
            this(version, reports, 0);
        }
    }

    private Changes load(Snapshot before, ReportsCommitted write) {
        long known = before.version();
        long version = repository.currentVersion();
        if (version == known) {
            return new Changes(version, List.of());
        }
        if (write == null || write.version() <= known || write.created().isEmpty() && write.revised().isEmpty()) {
            return new Changes(version, reader.changedSince(known, -1));
        }
        List<StoredReport> revised = appended(before, write);
        List<StoredReport> read = reader.changedSince(known, write.version(), revised != null);
        List<StoredReport> reports = new ArrayList<>(read.size() + write.created().size() + write.revised().size());
        reports.addAll(write.created());
        if (revised != null) {
            reports.addAll(revised);
        }
        reports.addAll(read);
        return new Changes(version, reports, reports.size() - read.size());
    }

    /**
     * The reports the write revised, each with its new revision appended, when this snapshot holds
     * the state just before the write (its version is the one before, and each report has the
     * revisions before the new one); else null, and they are read back.
     */
    private static List<StoredReport> appended(Snapshot before, ReportsCommitted write) {
        if (before.version() != write.version() - 1) {
            return null;
        }
        List<StoredReport> out = new ArrayList<>(write.revised().size());
        for (ReportsCommitted.Appended a : write.revised()) {
            StoredReport previous = before.report(a.reportId()).orElse(null);
            if (previous == null || previous.revisions().size() != a.revision().revision() - 1) {
                return null;
            }
            List<Revision> revisions = new ArrayList<>(previous.revisions().size() + 1);
            revisions.addAll(previous.revisions());
            revisions.add(a.revision().sharing(previous.latest()));
            out.add(new StoredReport(previous.id(), previous.source(), previous.externalId(), true, write.version(),
                    previous.createdAt(), null, List.copyOf(revisions)));
        }
        return out;
    }
}
