package org.airattack.stats.report;

/**
 * A CDI event: a write of a report was accepted (stored as new, as a new revision, or found
 * unchanged). Fired inside the writing transaction, so observers that count it use
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} and never count a rolled-back write.
 *
 * @param source  the report's source slug
 * @param outcome what the write did
 */
public record ReportAccepted(String source, ReportService.Outcome outcome) {
}
