package org.airattack.stats.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a source is: the national series, a regional command's own tally, or the other side's claim. */
public enum SourceKind {
    NATIONAL,
    REGIONAL,
    CLAIM;

    @JsonValue
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
