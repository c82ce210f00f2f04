package org.airattack.stats.readmodel;

import java.util.HashMap;
import java.util.Map;

import org.airattack.stats.report.StoredReport;

/**
 * The reports of a snapshot by id, shared between snapshots: ids are handed out in order, so they
 * are kept in chunks of consecutive ids, and a change copies the table of chunks and the chunks it
 * touches instead of every entry.
 */
final class ReportsById {

    private static final int SHIFT = 8;
    private static final int MASK = (1 << SHIFT) - 1;

    static final ReportsById EMPTY = new ReportsById(Map.of(), 0);

    private final Map<Long, StoredReport[]> chunks;
    private final int size;

    private ReportsById(Map<Long, StoredReport[]> chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    StoredReport get(long id) {
        StoredReport[] chunk = chunks.get(id >> SHIFT);
        return chunk == null ? null : chunk[(int) (id & MASK)];
    }

    int size() {
        return size;
    }

    /** These reports put in place of those with their ids (or added). */
    ReportsById with(Iterable<StoredReport> changed) {
        Map<Long, StoredReport[]> out = new HashMap<>(chunks);
        Map<Long, StoredReport[]> copied = new HashMap<>();
        int n = size;
        for (StoredReport r : changed) {
            StoredReport[] chunk = copied.computeIfAbsent(r.id() >> SHIFT, k -> {
                StoredReport[] old = chunks.get(k);
                return old == null ? new StoredReport[MASK + 1] : old.clone();
            });
            int at = (int) (r.id() & MASK);
            if (chunk[at] == null) {
                n++;
            }
            chunk[at] = r;
        }
        out.putAll(copied);
        return new ReportsById(out, n);
    }
}
