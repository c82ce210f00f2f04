package org.airattack.stats.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.airattack.stats.events.DeliveryLogEntry;
import org.airattack.stats.events.WebhookLog;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The webhook delivery log, for writers: every attempt, newest first. Never kept by the read cache ({@link ReadFastPath#live}). */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
public class WebhookResource {

    /** Attempts answered when no limit is asked for. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final WebhookLog log;

    public WebhookResource(WebhookLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed(ReportResource.WRITER)
    @Path("/deliveries")
    @Operation(summary = "Webhook delivery attempts, newest first", description = "Per attempt: hook, eventId, event, attempt "
            + "(1 for the first), outcome (delivered, failed_retrying, gave_up), statusCode (null when no answer came), error, "
            + "at, nextRetryAt (null when delivered or given up).")
    public List<DeliveryLogEntry> deliveries(
            @Parameter(description = "only this hook's attempts") @QueryParam("hook") String hook,
            @Parameter(description = "attempts answered, 1 to 1000; default 100") @QueryParam("limit") Integer limit) {
        return log.attempts(hook, limit == null ? DEFAULT_LIMIT : ReportResource.within("limit", limit, 1, MAX_LIMIT));
    }
}
