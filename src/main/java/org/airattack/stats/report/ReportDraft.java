package org.airattack.stats.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.airattack.stats.catalog.SourceInfo;

/**
 * A validated report about to be stored: every spelling resolved, every count checked, period and
 * date computed, content hashed.
 *
 * @param source      who published it
 * @param externalId  the idempotency key (given, or derived from source, window and target)
 * @param target      the country or region attacked
 * @param window      the window in the source's zone
 * @param url         provenance URL
 * @param publishedAt when it was published
 * @param lines       the lines
 * @param warnings    implausible-but-reported numbers, unknown models kept under the catch-all, a reader's remarks
 * @param contentHash    hash of everything that makes two versions differ
 * @param additionalWave the writer says it is a separate wave of a night already reported
 */
public record ReportDraft(SourceInfo source, String externalId, String target, ReportWindow window, String url,
        Instant publishedAt, List<Line> lines, List<ReportWarning> warnings, String contentHash, boolean additionalWave) {

    /** The same draft with more warnings after its own (they are not part of the content hash). */
    public ReportDraft withWarnings(List<ReportWarning> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<ReportWarning> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new ReportDraft(source, externalId, target, window, url, publishedAt, lines, List.copyOf(all), contentHash,
                additionalWave);
    }
}
