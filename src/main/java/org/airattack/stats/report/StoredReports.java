package org.airattack.stats.report;

import java.util.List;
import java.util.Optional;

/** Where the writers look up stored reports without reading them back: the in-memory read model provides it. */
public interface StoredReports {

    /** The report with this id as this replica holds it, or empty when it has not taken it in (yet). */
    Optional<StoredReport> find(long id);

    /**
     * The active reports whose external id does not start with the prefix, when this replica holds
     * the store exactly as of data version {@code version}; else empty (it has not caught up yet, or
     * has moved on), and the caller asks the database.
     */
    Optional<List<StoredReport>> activeOutside(String prefix, long version);
}
