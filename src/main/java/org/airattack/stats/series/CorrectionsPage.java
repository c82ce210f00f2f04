package org.airattack.stats.series;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of the corrections feed, newest first.
 *
 * @param source      only this source's nights, or null for every source
 * @param from        only nights from this date, or null
 * @param to          only nights to this date, or null
 * @param limit       the page size
 * @param cursor      the correction this page follows, or null for the first page
 * @param corrections the page
 * @param next        the cursor of the next page (the id of this page's last correction), or null on the last page
 * @param total       how many corrections match, on every page
 * @param dataVersion the read model version the answer comes from
 * @param generatedAt when it was computed
 * @param attribution the credit to show with it
 */
public record CorrectionsPage(@JsonInclude(JsonInclude.Include.NON_NULL) String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) String from, @JsonInclude(JsonInclude.Include.NON_NULL) String to, int limit,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cursor, List<Correction> corrections, String next, int total,
        long dataVersion, String generatedAt, String attribution) {
}
