package org.airattack.stats.report.airforce;

import java.util.List;

import org.airattack.stats.report.Period;
import org.airattack.stats.report.ReportDraft;
import org.airattack.stats.report.ReportResponse.LineResponse;
import org.airattack.stats.report.ReportWarning;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A post as it would be stored (dryRun=true): the report's fields, period and date, canonical
 * weapons with derived neutralised, and every warning; nothing has been stored.
 */
public record AirForcePostPreview(boolean dryRun, String source, String externalId, Period period, String date,
        String windowStart, String windowEnd, String target, String url, String publishedAt, List<LineResponse> lines,
        List<String> warnings) {

    public static AirForcePostPreview of(ReportDraft draft) {
        return new AirForcePostPreview(true, draft.source().slug(), draft.externalId(), draft.window().period(),
                draft.window().date().toString(), draft.window().start().iso(), draft.window().end().iso(), draft.target(), draft.url(),
                draft.publishedAt() == null ? null : draft.publishedAt().atZone(draft.source().zone()).toOffsetDateTime().toString(),
                draft.lines().stream().map(LineResponse::of).toList(),
                draft.warnings().stream().map(ReportWarning::message).toList());
    }
}
