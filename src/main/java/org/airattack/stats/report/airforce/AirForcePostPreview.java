package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.airattack.stats.report.FiledReport;
import org.airattack.stats.report.Period;
import org.airattack.stats.report.ReportDraft;
import org.airattack.stats.report.ReportResponse.LineResponse;
import org.airattack.stats.report.ReportWarning;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A post as it would be stored (dryRun=true): the report's fields, period and date, canonical
 * weapons with derived neutralised, every warning, and the reports already filed for that night with
 * what storing the post would do to each (also said in a warning); nothing has been stored.
 */
public record AirForcePostPreview(boolean dryRun, String source, String externalId, Period period, String date,
        String windowStart, String windowEnd, String target, String url, String publishedAt, List<LineResponse> lines,
        List<String> warnings, List<FiledReport> filed) {

    static AirForcePostPreview of(ReportDraft draft, List<FiledReport> filed) {
        List<String> warnings = new ArrayList<>(draft.warnings().stream().map(ReportWarning::message).toList());
        for (FiledReport f : filed) {
            warnings.add("the " + draft.window().period().name().toLowerCase(Locale.ROOT) + " of " + draft.window().date()
                    + " already has report " + f.id() + " (" + f.url() + ", " + f.windowStart() + " to " + f.windowEnd() + "): "
                    + switch (f.onStore()) {
                        case "unchanged" -> "it is this post as stored; storing it changes nothing";
                        case "revises" -> "storing this post makes its revision " + (f.revision() + 1);
                        case "refused" -> "it covers the same window with the same weapons, so storing this post is refused (409); "
                                + "revise that report instead";
                        default -> "this post is another statement about that night, and both count";
                    });
        }
        return new AirForcePostPreview(true, draft.source().slug(), draft.externalId(), draft.window().period(),
                draft.window().date().toString(), draft.window().start().iso(), draft.window().end().iso(), draft.target(), draft.url(),
                draft.publishedAt() == null ? null : draft.publishedAt().atZone(draft.source().zone()).toOffsetDateTime().toString(),
                draft.lines().stream().map(LineResponse::of).toList(), List.copyOf(warnings), List.copyOf(filed));
    }
}
