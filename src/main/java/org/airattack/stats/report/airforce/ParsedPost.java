package org.airattack.stats.report.airforce;

import java.util.List;

import org.airattack.stats.report.ReportRequest;

/**
 * What a post reads as: a report request in the form POST /api/v1/reports takes, and what the
 * reader wants an editor to know (cross-checks that disagree, remarks not counted, figures that
 * are provisional).
 *
 * @param request  the report, weapons in dataset spellings, windows in local Kyiv time
 * @param warnings messages for the editor, stored with the report
 */
public record ParsedPost(ReportRequest request, List<String> warnings) {
}
