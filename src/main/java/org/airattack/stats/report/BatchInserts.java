package org.airattack.stats.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

/**
 * Inserts new reports, revisions and lines in plain JDBC batches on the transaction's connection.
 * Hand-written, as measured: the stateless session's inserts (each entity decomposed into its
 * attributes and bound one by one through its mapping) were a quarter of the import thread's time
 * and of what it allocated at a hundred times today's history (docs/performance.md#scale). The ids
 * still come from Hibernate's generators, the sequences in blocks of 500 the single writes use too,
 * so both hand out ids the same way on PostgreSQL and on the dev mode's H2.
 */
final class BatchInserts {

    private static final String REPORT = "insert into report (id, source_slug, external_id, status, current_revision, last_change, "
            + "created_at, retracted_at) values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REVISION = "insert into report_revision (id, report_id, revision, window_start, "
            + "window_start_date_only, window_end, window_end_date_only, period, report_date, target, url, published_at, "
            + "content_hash, additional_wave, warnings, recorded_at, origin, retracted_before) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LINE = "insert into report_line (id, revision_id, position, weapon, weapon_spelling, launch_place, "
            + "launched, shot_down, suppressed, neutralised, still_airborne, hit_locations, debris_locations, left_airspace, shaheds, "
            + "withheld) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private BatchInserts() {
    }

    /**
     * Gives the reports, revisions and lines their ids and inserts them, table by table, in batches
     * of {@code batch} rows, in the session's transaction. Every revision's report and every line's
     * revision is among those given or already stored.
     */
    static void insert(Session current, List<Report> reports, List<ReportRevision> revisions, List<ReportLine> lines, int batch) {
        SharedSessionContractImplementor ids = current.unwrap(SharedSessionContractImplementor.class);
        BeforeExecutionGenerator reportIds = generator(ids, Report.class);
        for (Report r : reports) {
            r.id = (Long) reportIds.generate(ids, r, null, EventType.INSERT);
        }
        BeforeExecutionGenerator revisionIds = generator(ids, ReportRevision.class);
        for (ReportRevision v : revisions) {
            v.id = (Long) revisionIds.generate(ids, v, null, EventType.INSERT);
        }
        BeforeExecutionGenerator lineIds = generator(ids, ReportLine.class);
        for (ReportLine l : lines) {
            l.id = (Long) lineIds.generate(ids, l, null, EventType.INSERT);
        }
        current.doWork(connection -> {
            insert(connection, REPORT, reports, batch, (s, r) -> {
                s.setLong(1, r.id);
                s.setString(2, r.source);
                s.setString(3, r.externalId);
                s.setString(4, r.status);
                s.setInt(5, r.currentRevision);
                s.setLong(6, r.lastChange);
                moment(s, 7, r.createdAt);
                moment(s, 8, r.retractedAt);
            });
            insert(connection, REVISION, revisions, batch, (s, v) -> {
                s.setLong(1, v.id);
                s.setLong(2, v.report.id);
                s.setInt(3, v.revision);
                moment(s, 4, v.windowStart);
                s.setBoolean(5, v.windowStartDateOnly);
                moment(s, 6, v.windowEnd);
                s.setBoolean(7, v.windowEndDateOnly);
                s.setString(8, v.period);
                s.setObject(9, v.date);
                s.setString(10, v.target);
                s.setString(11, v.url);
                moment(s, 12, v.publishedAt);
                s.setString(13, v.contentHash);
                s.setBoolean(14, v.additionalWave);
                s.setString(15, v.warnings);
                moment(s, 16, v.recordedAt);
                s.setString(17, v.origin);
                moment(s, 18, v.retractedBefore);
            });
            insert(connection, LINE, lines, batch, (s, l) -> {
                s.setLong(1, l.id);
                s.setLong(2, l.revision.id);
                s.setInt(3, l.position);
                s.setString(4, l.weapon);
                s.setString(5, l.weaponSpelling);
                s.setString(6, l.launchPlace);
                count(s, 7, l.launched);
                count(s, 8, l.shotDown);
                count(s, 9, l.suppressed);
                count(s, 10, l.neutralised);
                count(s, 11, l.stillAirborne);
                count(s, 12, l.hitLocations);
                count(s, 13, l.debrisLocations);
                s.setString(14, l.leftAirspace);
                count(s, 15, l.shaheds);
                s.setBoolean(16, l.withheld);
            });
        });
    }

    /** Binds one row's values to the statement. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private static BeforeExecutionGenerator generator(SharedSessionContractImplementor session, Class<?> entity) {
        return (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel().getEntityDescriptor(entity).getGenerator();
    }

    /** The rows through one statement, sent {@code batch} at a time. */
    private static <T> void insert(Connection c, String sql, List<T> rows, int batch, Binder<T> binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int waiting = 0;
            for (T row : rows) {
                binder.bind(s, row);
                s.addBatch();
                if (++waiting == batch) {
                    s.executeBatch();
                    waiting = 0;
                }
            }
            if (waiting > 0) {
                s.executeBatch();
            }
        }
    }

    private static void moment(PreparedStatement s, int i, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static void count(PreparedStatement s, int i, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, value);
        }
    }
}
