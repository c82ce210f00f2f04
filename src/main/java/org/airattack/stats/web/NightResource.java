package org.airattack.stats.web;

import java.time.LocalDate;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.airattack.stats.problem.NotFoundException;
import org.airattack.stats.series.NightResponse;
import org.airattack.stats.series.NightService;
import org.airattack.stats.series.NightTableService;
import org.airattack.stats.series.NightsResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Nights: a row per date for tables, one date's detail, the latest night. */
@PermitAll
@Path("/api/v1/nights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "nights")
public class NightResource {

    private final NightService nights;
    private final NightTableService table;

    public NightResource(NightService nights, NightTableService table) {
        this.nights = nights;
        this.table = table;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvTables.MEDIA_TYPE })
    @Operation(summary = "One row per reported date with per-category totals",
            description = "Accept: text/csv (or format=csv) gives the same rows as CSV, blank for unknown.")
    public NightsResponse nights(@BeanParam SourcePeriod q, @BeanParam DateRange range, @BeanParam AsOfParam asOf) {
        return table.nights(q.source(), q.period(), range.from(), range.to(), asOf.asOf());
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The most recent dated night of a source")
    public NightResponse latest(@BeanParam SourcePeriod q, @BeanParam AsOfParam asOf) {
        return nights.latest(q.source(), q.period(), asOf.asOf())
                .orElseThrow(() -> new NotFoundException("source '" + q.source().slug() + "' has no report " + when(asOf)));
    }

    @GET
    @Path("/{date}")
    @Operation(summary = "One date: per-weapon lines, totals, warnings and the contributing reports")
    public NightResponse night(@Parameter(description = "the date the night counts under: the morning it ends (YYYY-MM-DD)",
            example = "2025-05-24") @PathParam("date") LocalDate date, @BeanParam SourcePeriod q, @BeanParam AsOfParam asOf) {
        return nights.night(q.source(), q.period(), date, asOf.asOf()).orElseThrow(() -> new NotFoundException(
                "source '" + q.source().slug() + "' has no " + q.period().slug() + " report dated " + date + " " + when(asOf)));
    }

    private static String when(AsOfParam asOf) {
        return asOf.asOf() == null ? "yet" : "as of " + asOf.asOf();
    }
}
