package org.airattack.stats.report;

/**
 * Equal values made one object: the read model holds every report of the history, and the same
 * launch places, spellings, URLs, targets, moments and windows recur in thousands of them (every
 * line of a post shares its URL and window; every revision of a report its window and target; the
 * regional reports of a night its window). {@link ReportMapper#held()} is the one set the read
 * model's values go through, whether a load read them or a write made them, so a history imported
 * write by write takes the memory it takes when loaded at once (a set per batch left every window
 * and URL of an import once per file: 27 MB more at a hundred times today's history,
 * docs/performance.md#scale).
 * <p>
 * Written by hand as an open-addressing table of the values themselves, at most half full (8–16
 * bytes a value): a {@code HashMap} spends a 32-byte node on each of the ~170,000 distinct values
 * of that history, 6 MB kept for the life of the JVM. The JDK's {@code String.intern} knows
 * nothing of other types and cannot be emptied. Synchronized: a load (the poll's thread) and a
 * write (a request's) may map at once.
 */
final class SharedValues {

    private Object[] table = new Object[64];
    private int size;

    /** The one object equal to {@code value} held so far (then this one); null stays null. */
    @SuppressWarnings("unchecked")
    synchronized <T> T of(T value) {
        if (value == null) {
            return null;
        }
        int mask = table.length - 1;
        for (int i = slot(value, mask);; i = (i + 1) & mask) {
            Object known = table[i];
            if (known == null) {
                table[i] = value;
                if (++size * 2 > table.length) {
                    grow();
                }
                return value;
            }
            if (known.equals(value)) {
                return (T) known;
            }
        }
    }

    /** How many distinct values are held. */
    synchronized int size() {
        return size;
    }

    /** Forgets every value (a load of everything starts again: what the read model held before may be gone). */
    synchronized void clear() {
        table = new Object[64];
        size = 0;
    }

    private void grow() {
        Object[] old = table;
        table = new Object[old.length * 2];
        int mask = table.length - 1;
        for (Object value : old) {
            if (value != null) {
                int i = slot(value, mask);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = value;
            }
        }
    }

    /** The value's first slot: its hash mixed (records and strings hash their low bits poorly), cut to the table. */
    private static int slot(Object value, int mask) {
        int h = value.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
