package org.airattack.stats.report;

import java.util.HashMap;
import java.util.Map;

/**
 * Equal values read in one batch, made one object: the read model holds every report of the
 * history, and the same launch places, spellings, URLs, targets, moments and windows recur in
 * thousands of them (every line of a post shares its URL and window; every revision of a report
 * its window and target; every report of an import its recorded-at). Written by hand, as a map
 * for the length of one load: the JDK's {@code String.intern} keeps strings for the JVM's life and
 * knows nothing of other types; {@code src/bench/scale-bench.sh} measured what it saves (docs/performance.md).
 */
final class SharedValues {

    private final Map<Object, Object> seen = new HashMap<>();

    /** The one object equal to {@code value} seen in this batch so far (then this one); null stays null. */
    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (value == null) {
            return null;
        }
        Object known = seen.putIfAbsent(value, value);
        return known == null ? value : (T) known;
    }
}
