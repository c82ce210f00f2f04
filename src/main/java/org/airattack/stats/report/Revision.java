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

    /**
     * This revision holding, where its values equal those of the one it follows, that one's very
     * objects (window, dates, target, URL, warnings, the lines' names and places, whole lines): a
     * revision mostly repeats its predecessor, and a history of years keeps every revision in memory.
     */
    public Revision sharing(Revision previous) {
        List<Line> shared;
        if (lines.equals(previous.lines)) {
            shared = previous.lines;
        } else {
            Line[] out = lines.toArray(Line[]::new);
            for (int i = 0; i < out.length && i < previous.lines.size(); i++) {
                out[i] = out[i].sharing(previous.lines.get(i));
            }
            shared = List.of(out);
        }
        return new Revision(revision, same(window, previous.window), period, same(date, previous.date), same(target, previous.target),
                same(url, previous.url), same(publishedAt, previous.publishedAt), recordedAt, shared,
                same(warnings, previous.warnings), additionalWave, origin, same(retractedBefore, previous.retractedBefore));
    }

    /** {@code previous} when it equals {@code value}, else {@code value}. */
    static <T> T same(T value, T previous) {
        return value != null && value.equals(previous) ? previous : value;
    }
}
