package org.airattack.stats.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Queries on reports and the data version that orders every write. */
@ApplicationScoped
public class ReportRepository implements PanacheRepository<Report> {

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

    public Optional<Report> findBySourceAndExternalId(String source, String externalId) {
        return find("source = ?1 and externalId = ?2", source, externalId).firstResultOptional();
    }

    /**
     * The state of a stored report that decides what a new draft of it does.
     *
     * @param id          the report
     * @param active      false when retracted
     * @param contentHash the latest revision's content hash
     */
    public record Current(long id, boolean active, String contentHash) {

        /** True when storing this draft would change nothing. */
        public boolean unchangedBy(ReportDraft draft) {
            return active && contentHash.equals(draft.contentHash());
        }
    }

    /** The state of the report with this source and external id, or null when there is none. */
    public Current current(String source, String externalId) {
        List<Object[]> rows = getEntityManager().createQuery("""
                select r.id, r.status, rev.contentHash from Report r join r.revisions rev
                where r.source = :source and r.externalId = :externalId and rev.revision = r.currentRevision""", Object[].class)
                .setParameter("source", source)
                .setParameter("externalId", externalId)
                .getResultList();
        return rows.isEmpty() ? null : current(rows.get(0));
    }

    /** The state of every report whose external id starts with the prefix, keyed by {@link ReportService#key}. */
    public Map<String, Current> currentByPrefix(String prefix) {
        Map<String, Current> out = new HashMap<>();
        getEntityManager().createQuery("""
                select r.id, r.status, rev.contentHash, r.source, r.externalId from Report r join r.revisions rev
                where r.externalId like :prefix escape '!' and rev.revision = r.currentRevision""", Object[].class)
                .setParameter("prefix", prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .getResultStream()
                .forEach(row -> out.put(ReportService.key((String) row[3], (String) row[4]), current(row)));
        return out;
    }

    private static Current current(Object[] row) {
        return new Current((Long) row[0], Report.ACTIVE.equals(row[1]), (String) row[2]);
    }

    /**
     * The active reports of the source whose latest revision has exactly this window and target,
     * under another external id, with the weapon keys of their lines.
     */
    public Map<Long, Set<String>> sameWindow(String source, String externalId, ReportWindow window, String target) {
        Map<Long, Set<String>> out = new HashMap<>();
        getEntityManager().createQuery("""
                select r.id, l.weapon from Report r join r.revisions rev join rev.lines l
                where r.source = :source and r.externalId <> :externalId and r.status = 'active'
                and rev.revision = r.currentRevision
                and rev.windowStart = :start and rev.windowStartDateOnly = :startDateOnly
                and rev.windowEnd = :end and rev.windowEndDateOnly = :endDateOnly
                and (rev.target = :target or (rev.target is null and :target is null))""", Object[].class)
                .setParameter("source", source)
                .setParameter("externalId", externalId)
                .setParameter("start", window.start().instant())
                .setParameter("startDateOnly", window.start().dateOnly())
                .setParameter("end", window.end().instant())
                .setParameter("endDateOnly", window.end().dateOnly())
                .setParameter("target", target)
                .getResultStream()
                .forEach(row -> out.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((String) row[1]));
        return out;
    }

    /** Every revision, with its lines and report, of the reports changed after the given version. */
    public List<ReportRevision> revisionsChangedSince(long version) {
        return revisionsChangedSince(version, -1);
    }

    /**
     * Every revision, with its lines and report, of the reports changed after the given version,
     * except the reports the write at version {@code created} created (active at revision 1 with that
     * version; a retraction in the same write still counts as a change): the writer has them in
     * memory already. {@code created} -1 leaves none out.
     */
    public List<ReportRevision> revisionsChangedSince(long version, long created) {
        return getEntityManager().createQuery("""
                select distinct rev from ReportRevision rev
                join fetch rev.report r
                left join fetch rev.lines
                where r.lastChange > :version and not (r.lastChange = :created and r.currentRevision = 1 and r.status = 'active')
                order by r.id, rev.revision""", ReportRevision.class)
                .setParameter("version", version)
                .setParameter("created", created)
                .setHint("org.hibernate.readOnly", true)
                .getResultList();
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
