package org.airattack.stats.report;

/**
 * The first 128 bits of a revision's content hash (SHA-256, lower-case hex: {@code ReportValidator.hash})
 * as two numbers: what the read model keeps of it, so a write can tell from memory whether a draft
 * changes a report (16 bytes a revision instead of the 104 of the hex text; two different contents
 * share them with a chance of one in 2^128).
 */
public final class ContentDigest {

    private ContentDigest() {
    }

    public static long high(String contentHash) {
        return Long.parseUnsignedLong(contentHash, 0, 16, 16);
    }

    public static long low(String contentHash) {
        return Long.parseUnsignedLong(contentHash, 16, 32, 16);
    }
}
