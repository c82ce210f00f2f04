package org.airattack.stats.web;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.readmodel.PeriodFilter;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** Whose reports a read counts, and which periods. */
public class SourcePeriod {

    @QueryParam("source")
    @DefaultValue("") // absent or blank: the converter gives the configured default source
    @Parameter(description = "whose reports (a slug of /api/v1/sources); default: airattack.api.default-source, ua-air-force",
            example = "ua-air-force", schema = @Schema(type = SchemaType.STRING, defaultValue = "ua-air-force"))
    SourceInfo source;

    @QueryParam("period")
    @DefaultValue("night")
    @Parameter(description = "night: nights and multi-night spans (spans flagged); day: daytime reports; any: everything dated D")
    PeriodFilter period;

    /** The source; never null once the request has been read (an absent one is the configured default). */
    public SourceInfo source() {
        return source;
    }

    public PeriodFilter period() {
        return period;
    }
}
