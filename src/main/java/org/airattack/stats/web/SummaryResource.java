package org.airattack.stats.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.airattack.stats.series.SummaryResponse;
import org.airattack.stats.series.SummaryService;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Headline figures of a source. */
@PermitAll
@Path("/api/v1/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "summary")
public class SummaryResource {

    private final SummaryService service;

    public SummaryResource(SummaryService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Latest night, last 7 and 30 nights, year to date, all time, record night, interception rates")
    public SummaryResponse summary(@BeanParam SourcePeriod q, @BeanParam AsOfParam asOf) {
        return service.summary(q.source(), q.period(), asOf.asOf());
    }
}
