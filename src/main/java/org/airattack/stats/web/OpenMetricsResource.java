package org.airattack.stats.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.metrics.OpenMetricsExport;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The per-night history as OpenMetrics, for backfilling Prometheus. */
@PermitAll
@Path("/api/v1/export/openmetrics")
@Tag(name = "export")
public class OpenMetricsResource {

    private final OpenMetricsExport export;
    private final Catalog catalog;

    public OpenMetricsResource(OpenMetricsExport export, Catalog catalog) {
        this.export = export;
        this.catalog = catalog;
    }

    @GET
    @Produces(OpenMetricsExport.MEDIA_TYPE)
    @Operation(summary = "Per-night history as OpenMetrics",
            description = "The airattack_night_* gauges once per dated night (nights and spans), each sample stamped with the "
                    + "end of that night's latest window; every source unless one is named. Feed it to "
                    + "`promtool tsdb create-blocks-from openmetrics`.")
    public String export(@Parameter(description = "only this source; every source when absent", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("source") SourceInfo source,
            @BeanParam DateRange range) {
        return export.export(source == null ? catalog.sources() : List.of(source), range.from(), range.to());
    }
}
