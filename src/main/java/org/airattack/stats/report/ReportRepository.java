package org.airattack.stats.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.common.BindMarks;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Queries on reports and the data version that orders every write. */
@ApplicationScoped
public class ReportRepository implements PanacheRepository<Report> {

    /**
     * Keys looked up in one query (a bind parameter each, under the driver's limit of 32,767): a
     * whole import file in one query, as PostgreSQL reads the table once per query whatever its size.
     */
    private static final int KEYS_PER_QUERY = 10_000;

    /**
     * Takes the write lock (the one data_version row, held until commit) and returns the version
     * this write will carry. Writes therefore commit one after another, in version order.
     */
    public long nextVersion() {
        getEntityManager().createNativeQuery("update data_version set version = version + 1 where id = 1").executeUpdate();
        return currentVersion();
    }

    public long currentVersion() {
        return ((Number) getEntityManager().createNativeQuery("select version from data_version where id = 1").getSingleResult())
                .longValue();
    }

    /**
     * The state of a stored report that decides what a new draft of it does.
     *
     * @param id          the report
     * @param active      false when retracted
     * @param contentHash the latest revision's content hash
     * @param revision    the latest revision's number
     * @param retractedAt when it was retracted, if it is
     */
    public record Current(long id, boolean active, String contentHash, int revision, Instant retractedAt) {

        /** True when storing this draft would change nothing. */
        public boolean unchangedBy(ReportDraft draft) {
            return active && contentHash.equals(draft.contentHash());
        }
    }

    /** The state of the report with this source and external id, or null when there is none. */
    public Current current(String source, String externalId) {
        List<Object[]> rows = getEntityManager().createQuery("""
                select r.id, r.status, rev.contentHash, r.currentRevision, r.retractedAt from Report r join r.revisions rev
                where r.source = :source and r.externalId = :externalId and rev.revision = r.currentRevision""", Object[].class)
                .setParameter("source", source)
                .setParameter("externalId", externalId)
                .getResultList();
        return rows.isEmpty() ? null : current(rows.get(0));
    }

    /** The state of every report whose external id starts with the prefix, by key. */
    public Map<ReportKey, Current> currentByPrefix(String prefix) {
        Map<ReportKey, Current> out = new HashMap<>();
        getEntityManager().createQuery("""
                select r.id, r.status, rev.contentHash, r.currentRevision, r.retractedAt, r.source, r.externalId from Report r join r.revisions rev
                where r.externalId like :prefix escape '!' and rev.revision = r.currentRevision""", Object[].class)
                .setParameter("prefix", likePrefix(prefix))
                .getResultStream()
                .forEach(row -> out.put(new ReportKey((String) row[5], (String) row[6]), current(row)));
        return out;
    }

    /**
     * The state of the reports of these keys (their external ids all start with the prefix), by key:
     * what a batch needs, read without reading every stored report of the prefix.
     */
    public Map<ReportKey, Current> currentOf(Set<ReportKey> keys, String prefix) {
        Map<ReportKey, Current> out = new HashMap<>();
        List<ReportKey> all = List.copyOf(keys);
        // plain JDBC: through HQL, translating a query of 10,000 parameters took longer than running it
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            for (int i = 0; i < all.size(); i += KEYS_PER_QUERY) {
                List<ReportKey> chunk = all.subList(i, Math.min(all.size(), i + KEYS_PER_QUERY));
                List<String> sources = chunk.stream().map(ReportKey::source).distinct().toList();
                try (java.sql.PreparedStatement s = connection.prepareStatement("""
                        select r.id, r.status, v.content_hash, r.current_revision, r.retracted_at, r.source_slug, r.external_id
                        from report r join report_revision v on v.report_id = r.id and v.revision = r.current_revision
                        where r.external_id like ? escape '!' and r.source_slug in (%s) and r.external_id in (%s)"""
                        .formatted(BindMarks.of(sources.size()), BindMarks.of(chunk.size())))) {
                    int p = 1;
                    s.setString(p++, likePrefix(prefix));
                    for (String source : sources) {
                        s.setString(p++, source);
                    }
                    for (ReportKey key : chunk) {
                        s.setString(p++, key.externalId());
                    }
                    try (java.sql.ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            // the sources and ids of a chunk also pair up across keys
                            ReportKey key = new ReportKey(rs.getString(6), rs.getString(7));
                            if (keys.contains(key)) {
                                java.time.OffsetDateTime retracted = rs.getObject(5, java.time.OffsetDateTime.class);
                                out.put(key, new Current(rs.getLong(1), Report.ACTIVE.equals(rs.getString(2)), rs.getString(3),
                                        rs.getInt(4), retracted == null ? null : retracted.toInstant()));
                            }
                        }
                    }
                }
            }
        });
        return out;
    }

    private static Current current(Object[] row) {
        return new Current((Long) row[0], Report.ACTIVE.equals(row[1]), (String) row[2], (Integer) row[3], (Instant) row[4]);
    }

    /** The latest revisions, with lines and report, of the source's active reports dated {@code date}, but the one with this external id. */
    public List<ReportRevision> activeOn(String source, LocalDate date, String externalId) {
        return getEntityManager().createQuery("""
                select distinct rev from ReportRevision rev
                join fetch rev.report r
                left join fetch rev.lines
                where r.source = :source and r.externalId <> :externalId and r.status = 'active'
                and rev.revision = r.currentRevision and rev.date = :date""", ReportRevision.class)
                .setParameter("source", source)
                .setParameter("externalId", externalId)
                .setParameter("date", date)
                .setHint("org.hibernate.readOnly", true)
                .getResultList();
    }

    /** The latest revisions, with lines and report, of the active reports whose external id does not start with the prefix. */
    public List<ReportRevision> activeOutside(String prefix) {
        return getEntityManager().createQuery("""
                select distinct rev from ReportRevision rev
                join fetch rev.report r
                left join fetch rev.lines
                where r.externalId not like :prefix escape '!' and r.status = 'active'
                and rev.revision = r.currentRevision""", ReportRevision.class)
                .setParameter("prefix", likePrefix(prefix))
                .setHint("org.hibernate.readOnly", true)
                .getResultList();
    }

    /** A LIKE pattern matching what starts with the prefix, its wildcards escaped with '!'. */
    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Every revision of one report, oldest first, with lines. */
    public List<ReportRevision> revisionsOf(long reportId) {
        return getEntityManager().createQuery("""
                select distinct rev from ReportRevision rev
                left join fetch rev.lines
                where rev.report.id = :id
                order by rev.revision""", ReportRevision.class)
                .setParameter("id", reportId)
                .getResultList();
    }
}
