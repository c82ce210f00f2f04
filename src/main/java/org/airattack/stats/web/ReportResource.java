package org.airattack.stats.web;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.common.Clip;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.problem.NotFoundException;
import org.airattack.stats.readmodel.ReportQueries;
import org.airattack.stats.report.Origin;
import org.airattack.stats.report.Report;
import org.airattack.stats.report.ReportPage;
import org.airattack.stats.report.ReportRequest;
import org.airattack.stats.report.ReportResponse;
import org.airattack.stats.report.ReportService;
import org.airattack.stats.report.StoredReport;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

/** Reports: ingest, revise, retract (role writer) and read, with their revision history. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportResource {

    /** The role every write needs. */
    public static final String WRITER = "writer";

    /** The highest page number a client may ask for. */
    static final int MAX_PAGE = 1_000_000;

    private final ReportService service;
    private final ReportQueries queries;
    private final AirAttackConfig.Api api;

    public ReportResource(ReportService service, ReportQueries queries, AirAttackConfig config) {
        this.service = service;
        this.queries = queries;
        this.api = config.api();
    }

    @POST
    @RolesAllowed(WRITER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a report", description = "201 for a new report, 200 for a new revision of an existing "
            + "(source, externalId) or for identical content (nothing changes).")
    @APIResponse(responseCode = "201", description = "a new report, at Location",
            headers = @Header(name = "Location", description = "/api/v1/reports/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "200", description = "a new revision of the same (source, externalId), or nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "409", description = "it repeats a report of the same night filed under another externalId "
            + "(the detail names it)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response submit(ReportRequest request) {
        return Written.answer(service.submit(request, Origin.API));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(WRITER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise a report", description = "Stores a new revision; identical content changes nothing.")
    @APIResponse(responseCode = "200", description = "the report with its new revision (or unchanged)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "409", description = "the body names another source or externalId, or repeats another report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response revise(@PathParam("id") String id, ReportRequest request) {
        return Written.answer(service.revise(id(id), request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(WRITER)
    @Operation(summary = "Retract a report", description = "Removes it from every aggregate and keeps its history.")
    @APIResponse(responseCode = "204", description = "retracted (or already retracted); its history stays readable")
    public Response retract(@PathParam("id") String id) {
        service.retract(id(id));
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List reports, newest first")
    public ReportPage list(
            @Parameter(description = "only this source's reports; all sources when absent",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("source") SourceInfo source,
            @Parameter(description = "only active or only retracted reports; both when absent",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { Report.ACTIVE, Report.RETRACTED }))
            @QueryParam("status") String status,
            @BeanParam DateRange range,
            @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") Integer page,
            @Parameter(description = "reports per page; default airattack.api.default-page-size (50), at most "
                    + "airattack.api.max-page-size (500)") @QueryParam("size") Integer size) {
        String wanted = status == null || status.isBlank() ? null : status.strip();
        if (wanted != null && !List.of(Report.ACTIVE, Report.RETRACTED).contains(wanted)) {
            throw new InvalidException("status", "must be active or retracted");
        }
        int p = within("page", page, 0, MAX_PAGE);
        int n = size == null ? api.defaultPageSize() : within("size", size, 1, api.maxPageSize());
        return queries.page(source == null ? null : source.slug(), wanted, range.from(), range.to(), p, n);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(summary = "One report as its latest revision reads")
    public ReportResponse get(@PathParam("id") String id) {
        return ReportResponse.of(found(id(id)));
    }

    @GET
    @PermitAll
    @Path("/{id}/revisions")
    @Operation(summary = "Every revision of a report, oldest first")
    public List<ReportResponse> revisions(@PathParam("id") String id) {
        StoredReport report = found(id(id));
        return report.revisions().stream().map(rev -> ReportResponse.of(report, rev)).toList();
    }

    private StoredReport found(long id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException("no report with id " + id));
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
        throw new NotFoundException("no report with id '" + Clip.clip(id, 30) + "'");
    }

    /** A page number or size within bounds. */
    static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidException(name, "must be between " + min + " and " + max);
        }
        return value;
    }
}
