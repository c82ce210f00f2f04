package org.airattack.stats.report;

/**
 * What identifies a report across writes: its source and external id, unique together.
 *
 * @param source     the source slug
 * @param externalId the idempotency key
 */
public record ReportKey(String source, String externalId) {

    /** The key of a draft. */
    public static ReportKey of(ReportDraft draft) {
        return new ReportKey(draft.source().slug(), draft.externalId());
    }
}
