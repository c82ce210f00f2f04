package org.airattack.stats.report.airforce;

import java.util.List;

import org.airattack.stats.report.ReportRequest;

/**
 * What a post reads as: a report request in the form POST /api/v1/reports takes, and what the
 * reader wants an editor to know (cross-checks that disagree, remarks not counted, figures that
 * are provisional).
 *
 * @param request       the report, weapons in dataset spellings, windows in local Kyiv time
 * @param warnings      messages for the editor, stored with the report
 * @param disagreements the cross-checks that disagree with the items (each is also among the warnings): a caller
 *                      that stores posts unattended sends a post with any to review instead
 */
public record ParsedPost(ReportRequest request, List<String> warnings, List<Disagreement> disagreements) {

    /** True when every cross-check the post carries agrees with its items. */
    public boolean consistent() {
        return disagreements.isEmpty();
    }
}
