package org.airattack.stats.metrics;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.series.QueryParser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The per-night history as OpenMetrics, for backfilling Prometheus. */
@Path("/api/v1/export/openmetrics")
@Tag(name = "export")
public class OpenMetricsResource {

    private final OpenMetricsExport export;
    private final Catalog catalog;
    private final QueryParser params;

    public OpenMetricsResource(OpenMetricsExport export, Catalog catalog, QueryParser params) {
        this.export = export;
        this.catalog = catalog;
        this.params = params;
    }

    @GET
    @Produces(OpenMetricsExport.MEDIA_TYPE)
    @Operation(summary = "Per-night history as OpenMetrics",
            description = "The airattack_night_* gauges once per dated night (nights and spans), each sample stamped with the "
                    + "end of that night's latest window; every source unless one is named. Feed it to "
                    + "`promtool tsdb create-blocks-from openmetrics`.")
    public String export(@QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = params.date("from", from);
        LocalDate t = params.date("to", to);
        params.range(f, t);
        return export.export(source == null || source.isBlank() ? catalog.sources() : List.of(params.source(source)), f, t);
    }
}
