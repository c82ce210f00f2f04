package org.airattack.stats.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One stored version of a report's content.
 *
 * @param revision    1 for the first version, then counting up
 * @param window      the window, in the source's zone
 * @param period      night, day or span
 * @param date        the date it counts under
 * @param target      the country or region attacked, as reported
 * @param url         where the report was published
 * @param publishedAt when it was published
 * @param recordedAt  when this revision was stored
 * @param lines       the weapons and their counts
 * @param warnings    implausible-but-reported numbers and other remarks
 * @param additionalWave the writer marked it a separate wave of a night already reported
 * @param origin      how it was written, or null when not recorded (revisions stored before that was)
 * @param retractedBefore when it made a retracted report active again, when that retraction happened; else null
 */
public record Revision(int revision, ReportWindow window, Period period, LocalDate date, String target, String url,
        Instant publishedAt, Instant recordedAt, List<Line> lines, List<String> warnings,
        boolean additionalWave, Origin origin, Instant retractedBefore) {
}
