package org.airattack.stats.report;

import java.util.List;
import java.util.Map;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.WeaponInfo;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A stored report as the API shows it: the request's fields plus id, revision, status, period,
 * date, windows with their offsets, canonical weapons with category and derived neutralised,
 * warnings, and how the revision was written ({@code origin}; absent for revisions stored before
 * that was recorded).
 */
// POST and PUT return it inside a Response, which names no entity type: kept for Jackson in the native image.
@RegisterForReflection
public record ReportResponse(long id, String source, String externalId, int revision, String status, Period period,
        String date, String windowStart, String windowEnd, String target, String url, String publishedAt,
        String recordedAt, String retractedAt, List<LineResponse> lines, List<String> warnings, boolean additionalWave,
        @JsonInclude(JsonInclude.Include.NON_NULL) Origin origin) {

    /** One line as stored. */
    public record LineResponse(String weapon, String name, Category category, List<String> members, String reportedAs,
            String launchPlace, Integer launched, Integer shotDown, Integer suppressed, Integer neutralised,
            Integer stillAirborne, Integer hitLocations, Integer debrisLocations, Map<String, Integer> leftAirspace,
            Integer shaheds, boolean withheld) {

        public static LineResponse of(Line l) {
            return new LineResponse(l.weapon().key(), l.weapon().name(), l.weapon().category(),
                    l.weapon().bundle() ? l.weapon().members().stream().map(WeaponInfo::slug).toList() : null,
                    l.spelling(), l.launchPlace(), l.launched(), l.shotDown(), l.suppressed(), l.neutralised(),
                    l.stillAirborne(), l.hitLocations(), l.debrisLocations(),
                    l.leftAirspace() == null || l.leftAirspace().isEmpty() ? null : l.leftAirspace(), l.shaheds(), l.withheld());
        }
    }

    /** The report as its latest revision reads. */
    public static ReportResponse of(StoredReport report) {
        return of(report, report.latest());
    }

    /** The report as one of its revisions reads. */
    public static ReportResponse of(StoredReport report, Revision rev) {
        return new ReportResponse(report.id(), report.source().slug(), report.externalId(), rev.revision(),
                report.status(), rev.period(), rev.date().toString(), rev.window().start().iso(), rev.window().end().iso(),
                rev.target(), rev.url(),
                rev.publishedAt() == null ? null : rev.publishedAt().atZone(report.source().zone()).toOffsetDateTime().toString(),
                rev.recordedAt().toString(), report.retractedAt() == null ? null : report.retractedAt().toString(),
                rev.lines().stream().map(LineResponse::of).toList(), rev.warnings(), rev.additionalWave(), rev.origin());
    }
}
