package org.airattack.stats.report;

import java.util.Optional;

/** Where the writers look up stored reports without reading them back: the in-memory read model provides it. */
public interface StoredReports {

    /** The report with this id as this replica holds it, or empty when it has not taken it in (yet). */
    Optional<StoredReport> find(long id);
}
