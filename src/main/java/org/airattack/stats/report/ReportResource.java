package org.airattack.stats.report;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.airattack.stats.series.QueryParser;
import org.airattack.stats.web.ApiException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports: ingest, revise, retract (role writer) and read, with their revision history. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportResource {

    /** The role every write needs. */
    public static final String WRITER = "writer";

    private final ReportService service;
    private final ReportQueries queries;
    private final QueryParser params;

    public ReportResource(ReportService service, ReportQueries queries, QueryParser params) {
        this.service = service;
        this.queries = queries;
        this.params = params;
    }

    @POST
    @RolesAllowed(WRITER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a report", description = "201 for a new report, 200 for a new revision of an existing "
            + "(source, externalId) or for identical content (nothing changes).")
    public Response submit(ReportRequest request) {
        return answer(service.submit(request));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(WRITER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise a report", description = "Stores a new revision; identical content changes nothing.")
    public Response revise(@PathParam("id") String id, ReportRequest request) {
        return answer(service.revise(id(id), request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(WRITER)
    @Operation(summary = "Retract a report", description = "Removes it from every aggregate and keeps its history.")
    public Response retract(@PathParam("id") String id) {
        service.retract(id(id));
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "List reports, newest first")
    public ReportPage list(@QueryParam("source") String source, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String sourceSlug = source == null || source.isBlank() ? null : params.source(source).slug();
        if (status != null && !status.isBlank() && !List.of(Report.ACTIVE, Report.RETRACTED).contains(status)) {
            throw ApiException.invalid("status", "must be active or retracted");
        }
        var f = params.date("from", from);
        var t = params.date("to", to);
        params.range(f, t);
        int p = params.integer("page", page, 0, 0, 1_000_000);
        int s = params.integer("size", size, params.defaultPageSize(), 1, params.maxPageSize());
        return queries.page(sourceSlug, status == null || status.isBlank() ? null : status, f, t, p, s);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report as its latest revision reads")
    public ReportResponse get(@PathParam("id") String id) {
        return ReportResponse.of(found(id(id)));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "Every revision of a report, oldest first")
    public List<ReportResponse> revisions(@PathParam("id") String id) {
        StoredReport report = found(id(id));
        return report.revisions().stream().map(rev -> ReportResponse.of(report, rev)).toList();
    }

    private StoredReport found(long id) {
        return queries.report(id).orElseThrow(() -> ApiException.notFound("no report with id " + id));
    }

    private static long id(String id) {
        try {
            long n = Long.parseLong(id);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.notFound("no report with id '" + (id.length() > 30 ? id.substring(0, 30) + "…" : id) + "'");
    }

    private static Response answer(ReportService.Result result) {
        ReportResponse body = ReportResponse.of(result.report());
        if (result.outcome() == ReportService.Outcome.CREATED) {
            return Response.created(URI.create("/api/v1/reports/" + body.id())).entity(body).build();
        }
        return Response.ok(body).build();
    }
}
