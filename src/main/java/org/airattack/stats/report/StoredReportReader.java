package org.airattack.stats.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.WeaponRef;

import io.agroal.api.AgroalDataSource;

/**
 * Reads reports with their whole history straight into the read model's records, in one streamed
 * query with plain JDBC: mapping the same rows through managed entities (every revision and line a
 * Hibernate object, its state kept for dirty checking) took 20 times as long as the query and ran
 * out of memory at a hundred times today's history (docs/performance.md#scale). Equal values are
 * shared with everything the read model holds ({@link ReportMapper#held()}). Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class StoredReportReader {

    /** Rows fetched per round trip: the result is streamed, never held whole by the driver. */
    private static final int FETCH_SIZE = 2_000;

    private static final String CHANGED_SINCE = """
            select r.id, r.source_slug, r.external_id, r.status, r.last_change, r.created_at, r.retracted_at,
                   v.revision, v.window_start, v.window_start_date_only, v.window_end, v.window_end_date_only,
                   v.period, v.report_date, v.target, v.url, v.published_at, v.additional_wave, v.warnings,
                   v.recorded_at, v.origin, v.retracted_before,
                   l.position, l.weapon, l.weapon_spelling, l.launch_place, l.launched, l.shot_down, l.suppressed,
                   l.neutralised, l.still_airborne, l.hit_locations, l.debris_locations, l.left_airspace, l.shaheds,
                   l.withheld
            from report r
            join report_revision v on v.report_id = r.id
            left join report_line l on l.revision_id = v.id
            where r.last_change > ? and not (r.last_change = ? and r.status = 'active' and (? or r.current_revision = 1))
            order by r.id, v.revision, l.position""";

    private final AgroalDataSource dataSource;
    private final Catalog catalog;
    private final ReportMapper mapper;

    public StoredReportReader(AgroalDataSource dataSource, Catalog catalog, ReportMapper mapper) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /**
     * Every report changed after the given data version, with all its revisions (oldest first),
     * except the reports the write at version {@code created} created (active at revision 1 with
     * that version): the writer has them in memory already. {@code created} -1 leaves none out.
     * Ordered by id.
     */
    public List<StoredReport> changedSince(long version, long created) {
        return changedSince(version, created, false);
    }

    /**
     * The same, leaving out with {@code everyActive} every report the write at {@code created} left
     * active (those it created and those it revised), not only those it created.
     */
    public List<StoredReport> changedSince(long version, long created, boolean everyActive) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CHANGED_SINCE)) {
            s.setFetchSize(FETCH_SIZE);
            s.setLong(1, version);
            s.setLong(2, created);
            s.setBoolean(3, everyActive);
            try (ResultSet rs = s.executeQuery()) {
                return new Batch().read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reports changed since data version " + version + ": " + e.getMessage(), e);
        }
    }

    /**
     * Forgets the values the read model's reports were made with, before it reads everything again
     * (the database went back): what it held before may be gone, and would be kept for nothing.
     */
    public void forgetSharedValues() {
        mapper.held().clear();
    }

    /** One read: the report and revision being assembled. */
    private final class Batch {
        private final SharedValues shared = mapper.held();
        private final Map<String, WeaponRef> weapons = new HashMap<>();
        private final List<StoredReport> out = new ArrayList<>();
        private final List<Revision> revisions = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private long reportId = -1;
        private int revisionNumber = -1;
        private SourceInfo source;
        private String externalId;
        private boolean active;
        private long lastChange;
        private Instant createdAt;
        private Instant retractedAt;
        private RevisionRow revision;

        List<StoredReport> read(ResultSet rs) throws SQLException {
            while (rs.next()) {
                long id = rs.getLong(1);
                int number = rs.getInt(8);
                if (id != reportId) {
                    endReport();
                    startReport(rs, id);
                }
                if (number != revisionNumber || revision == null) {
                    endRevision();
                    revisionNumber = number;
                    revision = revisionRow(rs, number);
                }
                rs.getInt(23);
                if (!rs.wasNull()) {
                    lines.add(line(rs));
                }
            }
            endReport();
            return out;
        }

        private void startReport(ResultSet rs, long id) throws SQLException {
            reportId = id;
            String slug = rs.getString(2);
            source = catalog.source(slug)
                    .orElseThrow(() -> new IllegalStateException("report " + id + " names unknown source " + slug));
            externalId = rs.getString(3);
            active = Report.ACTIVE.equals(rs.getString(4));
            lastChange = rs.getLong(5);
            createdAt = instant(rs, 6);
            retractedAt = instant(rs, 7);
        }

        private void endReport() {
            endRevision();
            if (reportId >= 0 && !revisions.isEmpty()) {
                out.add(new StoredReport(reportId, source, externalId, active, lastChange, createdAt, retractedAt,
                        List.copyOf(revisions)));
            }
            revisions.clear();
            revision = null;
        }

        private void endRevision() {
            if (revision != null) {
                revisions.add(revision.with(List.copyOf(lines)));
            }
            lines.clear();
            revision = null;
        }

        private RevisionRow revisionRow(ResultSet rs, int number) throws SQLException {
            ReportWindow window = mapper.window(instant(rs, 9), rs.getBoolean(10), instant(rs, 11), rs.getBoolean(12), source);
            String period = rs.getString(13);
            String origin = rs.getString(21);
            return new RevisionRow(number, window,
                    Period.fromSlug(period).orElseThrow(() -> new IllegalStateException("report " + reportId + " has period " + period)),
                    shared.of(rs.getObject(14, LocalDate.class)), shared.of(rs.getString(15)), shared.of(rs.getString(16)),
                    instant(rs, 17), rs.getBoolean(18),
                    mapper.warnings(rs.getString(19)),
                    instant(rs, 20), origin == null ? null : Origin.fromSlug(origin).orElse(null), instant(rs, 22));
        }

        private Line line(ResultSet rs) throws SQLException {
            return new Line(weapons.computeIfAbsent(rs.getString(24), catalog::byStoredKey), shared.of(rs.getString(25)),
                    shared.of(rs.getString(26)), count(rs, 27), count(rs, 28), count(rs, 29), count(rs, 30), count(rs, 31),
                    count(rs, 32), count(rs, 33), mapper.leftAirspace(rs.getString(34)),
                    count(rs, 35), rs.getBoolean(36));
        }

        private Instant instant(ResultSet rs, int column) throws SQLException {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : shared.of(t.toInstant());
        }
    }

    private static Integer count(ResultSet rs, int column) throws SQLException {
        int n = rs.getInt(column);
        return rs.wasNull() ? null : n;
    }

    /** A revision's columns, waiting for its lines. */
    private record RevisionRow(int number, ReportWindow window, Period period, LocalDate date, String target, String url,
            Instant publishedAt, boolean additionalWave, List<String> warnings, Instant recordedAt, Origin origin,
            Instant retractedBefore) {

        Revision with(List<Line> lines) {
            return new Revision(number, window, period, date, target, url, publishedAt, recordedAt, lines, warnings,
                    additionalWave, origin, retractedBefore);
        }
    }
}
