package org.airattack.stats.report;

/**
 * A CDI event: a write of a report was accepted (stored as new, as a new revision, or found
 * unchanged). Fired after the write's transaction has committed (or, for an unchanged report, once
 * nothing needed writing), so a refused or rolled-back write is never announced.
 *
 * @param source  the report's source slug
 * @param outcome what the write did
 */
public record ReportAccepted(String source, ReportService.Outcome outcome) {
}
