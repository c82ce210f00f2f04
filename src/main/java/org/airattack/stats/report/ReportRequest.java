package org.airattack.stats.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of POST and PUT /api/v1/reports. Windows are ISO-8601 with offset, local date-times
 * (read in the source's zone) or dates. Counts are JSON numbers; null or absent means unknown.
 * The read-only fields of a stored report are ignored, so a client may send back what it read.
 * {@code additionalWave: true} says the report is a separate wave of a night already reported, so
 * that an overlapping report with the same weapons and counts is not taken for it filed twice.
 */
// Also read outside any resource, by SampleData from the seed file: kept for Jackson in the native image.
@RegisterForReflection
@JsonIgnoreProperties(value = { "id", "revision", "status", "period", "date", "recordedAt", "retractedAt", "warnings", "origin" })
public record ReportRequest(String source, String externalId, String target, String windowStart, String windowEnd,
        String url, String publishedAt, List<LineRequest> lines, Boolean additionalWave) {

    /** A report that is not marked as an additional wave. */
    public ReportRequest(String source, String externalId, String target, String windowStart, String windowEnd, String url,
            String publishedAt, List<LineRequest> lines) {
        this(source, externalId, target, windowStart, windowEnd, url, publishedAt, lines, null);
    }

    /** One line of a report request. */
    @JsonIgnoreProperties(value = { "name", "category", "members", "reportedAs" })
    public record LineRequest(String weapon, String launchPlace, BigDecimal launched, BigDecimal shotDown,
            BigDecimal suppressed, BigDecimal neutralised, BigDecimal stillAirborne, BigDecimal hitLocations,
            BigDecimal debrisLocations, Map<String, BigDecimal> leftAirspace, BigDecimal shaheds, Boolean withheld) {
    }
}
