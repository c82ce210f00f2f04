package org.airattack.stats.series;

import java.util.List;

import org.airattack.stats.readmodel.PeriodFilter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One change to figures that had already been published: a report's revision or retraction and
 * what it did to the figures of the night it counts in (the night as {@code /api/v1/nights/{date}}
 * shows it, with every report that counts there).
 *
 * @param id          stable: {@code <report>-<revision>-<date>}, {@code <report>-<revision>-retracted-<date>} for a retraction
 * @param source      whose night
 * @param period      the night's period filter ({@code night} for nights and spans, {@code day})
 * @param date        the night's date
 * @param reportId    the report that changed
 * @param externalId  its idempotency key
 * @param revision    the revision written, or the revision retracted
 * @param recordedAt  when the revision was stored (null for a retraction)
 * @param retractedAt when the report was retracted (null for a revision)
 * @param reason      why the figures changed
 * @param url         the provenance of the revision (of the retracted one for a retraction)
 * @param changes     per group (total, a category) and measure: the figure before and after; only the changed ones
 */
public record Correction(String id, String source, PeriodFilter period, String date, long reportId, String externalId, int revision,
        @JsonInclude(JsonInclude.Include.NON_NULL) String recordedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String retractedAt,
        Reason reason, String url, List<Change> changes) {

    /** When the change happened: the revision's recordedAt or the retraction's time. */
    public String changedAt() {
        return recordedAt != null ? recordedAt : retractedAt;
    }

    /**
     * One figure that changed; null is unknown (a change from unknown to 5 is a change).
     *
     * @param group   {@code total} or a category slug
     * @param measure what it counts
     * @param before  the figure published before
     * @param after   the figure after the change
     */
    public record Change(String group, Measure measure, Number before, Number after) {
    }

    /** Why figures changed. */
    public enum Reason {
        /** The Air Force's post was read again after an edit (posted text, or the channel). */
        POST_EDITED("post-edited"),
        /** The dataset's new edition revised an old row. */
        DATASET_REISSUE("dataset-reissue"),
        /** A writer's JSON write. */
        EDITOR_REVISION("editor-revision"),
        /** The report was retracted. */
        RETRACTION("retraction"),
        /** A revision stored before the service recorded how each was written. */
        UNKNOWN("unknown");

        private final String slug;

        Reason(String slug) {
            this.slug = slug;
        }

        @JsonValue
        public String slug() {
            return slug;
        }
    }
}
