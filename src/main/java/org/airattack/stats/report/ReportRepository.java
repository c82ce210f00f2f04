package org.airattack.stats.report;

import java.util.List;
import java.util.Optional;

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

    /** Every revision, with its lines and report, of the reports changed after the given version. */
    public List<ReportRevision> revisionsChangedSince(long version) {
        return getEntityManager().createQuery("""
                select distinct rev from ReportRevision rev
                join fetch rev.report r
                left join fetch rev.lines
                where r.lastChange > :version
                order by r.id, rev.revision""", ReportRevision.class)
                .setParameter("version", version)
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
