package org.airattack.stats.report;

import java.util.List;

/** A page of reports, newest first. */
public record ReportPage(List<ReportResponse> items, int page, int size, int total, long dataVersion) {
}
