package org.airattack.stats.report;

import java.util.List;

/**
 * A CDI event, fired synchronously once a write's transaction has committed: the read model takes
 * the change in before the writer answers, so a client reads what it just wrote.
 *
 * @param version the data version the write committed
 * @param created the reports the write created, as stored (revision 1), so they need not be read
 *                back
 * @param revised the revisions the write added to stored reports, each making its report active at
 *                this version; with {@code created}, every report the write left active. The read
 *                model appends them to the reports it holds when it holds the state just before
 *                this write, and otherwise reads them back. Any other change (a retraction) is read
 *                from the database.
 */
public record ReportsCommitted(long version, List<StoredReport> created, List<Appended> revised) {

    public ReportsCommitted(long version, List<StoredReport> created) {
        this(version, created, List.of());
    }

    /** A new revision of the stored report with this id. */
    public record Appended(long reportId, Revision revision) {
    }
}
