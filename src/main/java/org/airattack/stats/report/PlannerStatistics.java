package org.airattack.stats.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.common.Databases;
import org.airattack.stats.config.AirAttackConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;

/**
 * Refreshes PostgreSQL's planner statistics of the report tables after a bulk write, in the
 * background. Until autovacuum next analyses them (a minute or more), a freshly imported history
 * has none, and the planner scans every revision for the same-night lookup of each single write:
 * at a hundred times today's history a write took 350 ms instead of 35 until a read showed it
 * (docs/performance.md#scale). After a batch of {@code airattack.store.analyze-after-reports} reports
 * or more, once the revisions table has doubled since the last analysis (as many revisions written
 * since as it held then): the plans depend on the tables being large, not on their exact size, which
 * the planner scales from their pages anyway, so the hundredfold history imported in fifty files is
 * analysed six times, not twenty-five (autovacuum's tenth: each analysis of the hundredfold history's tables
 * took up to 1.6 s of a core the import needed). One analysis at a time, and writes that come while
 * one runs are covered by one more after it. H2 (dev mode) plans without them and is left alone.
 */
@ApplicationScoped
public class PlannerStatistics {

    private final AgroalDataSource dataSource;
    private final int afterRows;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "airattack-analyze");
        t.setDaemon(true);
        return t;
    });
    private volatile long analysed;
    /** Revisions written since the last analysis, and how many the revisions table held at it. */
    private final AtomicLong since = new AtomicLong();
    private volatile long revisionsAtLast;

    public PlannerStatistics(AgroalDataSource dataSource, AirAttackConfig config) {
        this.dataSource = dataSource;
        this.afterRows = config.store().analyzeAfterReports();
    }

    /** A batch wrote this many reports (created or revised: a revision each): past the threshold, the statistics are refreshed. */
    void written(int reports) {
        long total = since.addAndGet(reports);
        // a big batch, and the revisions table has doubled since the last analysis
        if (reports < afterRows || total < revisionsAtLast) {
            return;
        }
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            worker.execute(this::analyse);
        }
    }

    /** How many analyses have completed (for tests and the log). */
    public long analysed() {
        return analysed;
    }

    private void analyse() {
        try {
            while (pending.getAndSet(false)) {
                long started = System.nanoTime();
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    if (!Databases.isPostgres(c)) {
                        return;
                    }
                    since.set(0);
                    s.execute("analyze report, report_revision, report_line");
                    try (java.sql.ResultSet rs = s.executeQuery("select reltuples::bigint from pg_class where relname = 'report_revision'")) {
                        revisionsAtLast = rs.next() ? Math.max(0, rs.getLong(1)) : 0;
                    }
                    analysed++;
                    Log.infof("planner statistics of the report tables refreshed after a bulk write in %d ms",
                            (System.nanoTime() - started) / 1_000_000);
                } catch (SQLException | RuntimeException e) {
                    Log.warnf("could not refresh the planner statistics after a bulk write (autovacuum will): %s", e.getMessage());
                }
            }
        } finally {
            running.set(false);
            if (pending.get() && running.compareAndSet(false, true)) {
                worker.execute(this::analyse);
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
