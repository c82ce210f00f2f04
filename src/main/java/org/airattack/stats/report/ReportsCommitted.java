package org.airattack.stats.report;

import java.util.List;

/**
 * A CDI event, fired synchronously once a write's transaction has committed: the read model takes
 * the change in before the writer answers, so a client reads what it just wrote.
 *
 * @param version the data version the write committed
 * @param created the reports the write created, as stored (revision 1), so they need not be read
 *                back; any other change is read from the database
 */
public record ReportsCommitted(long version, List<StoredReport> created) {
}
