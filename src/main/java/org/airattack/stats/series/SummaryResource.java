package org.airattack.stats.series;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Headline figures of a source. */
@Path("/api/v1/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "summary")
public class SummaryResource {

    private final SeriesService service;
    private final QueryParser params;

    public SummaryResource(SeriesService service, QueryParser params) {
        this.service = service;
        this.params = params;
    }

    @GET
    @Operation(summary = "Latest night, last 7 and 30 nights, year to date, all time, record night, interception rates")
    public SummaryResponse summary(@QueryParam("source") String source, @QueryParam("period") String period) {
        return service.summary(params.source(source), params.period(period));
    }
}
