package org.airattack.stats.catalog;

import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A source as the service uses it.
 *
 * @param slug        catalog key, e.g. {@code ua-air-force}
 * @param name        display name
 * @param kind        national, regional or claim
 * @param country     ISO code of the country whose air defence reports
 * @param zone        the zone its windows are written in
 * @param datasetName the name the public dataset uses for it, if any
 */
public record SourceInfo(String slug, String name, SourceKind kind, String country,
        @JsonProperty("timeZone") ZoneId zone, String datasetName) {
}
