package org.airattack.stats.report;

import java.time.Instant;
import java.util.List;

import org.airattack.stats.catalog.SourceInfo;

/**
 * A report with its whole history, as the read model holds it.
 *
 * @param id          the report's id
 * @param source      who published it
 * @param externalId  idempotency key, unique per source
 * @param active      false once retracted
 * @param lastChange  the data version of the write that last changed it
 * @param createdAt   when it was first stored
 * @param retractedAt when it was retracted, if it was
 * @param revisions   every revision, oldest first; the last one counts
 */
public record StoredReport(long id, SourceInfo source, String externalId, boolean active, long lastChange,
        Instant createdAt, Instant retractedAt, List<Revision> revisions) {

    public Revision latest() {
        return revisions.get(revisions.size() - 1);
    }

    public String status() {
        return active ? Report.ACTIVE : Report.RETRACTED;
    }
}
