package org.airattack.stats.series;

import java.time.LocalDate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.web.ApiException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Nights: a row per date for tables, one date's detail, the latest night. */
@Path("/api/v1/nights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "nights")
public class NightResource {

    private final SeriesService service;
    private final QueryParser params;

    public NightResource(SeriesService service, QueryParser params) {
        this.service = service;
        this.params = params;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvTables.MEDIA_TYPE })
    @Operation(summary = "One row per reported date with per-category totals",
            description = "Accept: text/csv (or format=csv) gives the same rows as CSV, blank for unknown.")
    public NightsResponse nights(@QueryParam("source") String source, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = params.date("from", from);
        LocalDate t = params.date("to", to);
        params.range(f, t);
        return service.nights(params.source(source), params.period(period), f, t);
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The most recent dated night of a source")
    public NightResponse latest(@QueryParam("source") String source, @QueryParam("period") String period) {
        SourceInfo s = params.source(source);
        return service.latest(s, params.period(period))
                .orElseThrow(() -> ApiException.notFound("source '" + s.slug() + "' has no report yet"));
    }

    @GET
    @Path("/{date}")
    @Operation(summary = "One date: per-weapon lines, totals, warnings and the contributing reports")
    public NightResponse night(@PathParam("date") String date, @QueryParam("source") String source,
            @QueryParam("period") String period) {
        LocalDate d = params.date("date", date);
        SourceInfo s = params.source(source);
        PeriodFilter p = params.period(period);
        return service.night(s, p, d)
                .orElseThrow(() -> ApiException.notFound("source '" + s.slug() + "' has no " + p.slug() + " report dated " + d));
    }
}
