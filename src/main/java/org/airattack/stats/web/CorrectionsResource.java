package org.airattack.stats.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.series.CorrectionsPage;
import org.airattack.stats.series.CorrectionsService;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The corrections feed: every change to figures already published, as JSON, CSV or Atom. */
@PermitAll
@Path("/api/v1/corrections")
@Produces({ MediaType.APPLICATION_JSON, CsvTables.MEDIA_TYPE, CorrectionsAtomWriter.MEDIA_TYPE })
@Tag(name = "corrections")
public class CorrectionsResource {

    private final CorrectionsService service;
    private final AirAttackConfig.Api api;

    public CorrectionsResource(CorrectionsService service, AirAttackConfig config) {
        this.service = service;
        this.api = config.api();
    }

    @GET
    @Operation(summary = "Every change to a figure already published, newest first",
            description = "A revision (but a report's first) or a retraction that changed a night's figures as /api/v1/nights/{date} "
                    + "shows them, with each changed figure before and after (null is unknown) and why: post-edited, "
                    + "dataset-reissue, editor-revision, retraction (unknown for revisions stored before the service recorded "
                    + "how). Paged by cursor: pass a page's next as cursor. Accept: text/csv (or format=csv) gives one row per "
                    + "changed figure; Accept: application/atom+xml (or format=atom) an Atom feed, one entry per correction.")
    public CorrectionsPage corrections(
            @Parameter(description = "only this source's nights; every source when absent", schema = @Schema(type = SchemaType.STRING),
                    example = "ua-air-force") @QueryParam("source") SourceInfo source,
            @BeanParam DateRange range,
            @Parameter(description = "corrections per page; default airattack.api.default-page-size (50), at most "
                    + "airattack.api.max-page-size (500)") @QueryParam("limit") Integer limit,
            @Parameter(description = "continue after this correction: the next of the page before") @QueryParam("cursor") String cursor) {
        int n = limit == null ? api.defaultPageSize() : ReportResource.within("limit", limit, 1, api.maxPageSize());
        return service.page(source, range.from(), range.to(), cursor == null || cursor.isBlank() ? null : cursor.strip(), n);
    }
}
