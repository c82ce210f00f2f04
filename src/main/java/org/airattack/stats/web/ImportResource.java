package org.airattack.stats.web;

import java.io.InputStream;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.report.piterfm.ImportResult;
import org.airattack.stats.report.piterfm.PiterfmCsvImporter;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Imports of the public dataset. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
public class ImportResource {

    private final PiterfmCsvImporter importer;

    public ImportResource(PiterfmCsvImporter importer) {
        this.importer = importer;
    }

    @POST
    @Path("/piterfm")
    @RolesAllowed(ReportResource.WRITER)
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, "application/csv" })
    @Operation(summary = "Import the public dataset's CSV (any of its header layouts)",
            description = "Idempotent: re-importing an edition changes nothing; a newer edition revises the reports whose lines "
                    + "changed. All or nothing. A file lacking reports imported earlier is refused unless onMissing=keep or "
                    + "onMissing=retract.")
    @APIResponse(responseCode = "200", description = "what the import did, with every warning and its row",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "409", description = "the file lacks reports imported earlier; send onMissing=keep or retract",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public ImportResult importPiterfm(InputStream body,
            @Parameter(description = "stored dataset reports the file lacks: refuse the file (409), keep them, or retract them")
            @QueryParam("onMissing") @DefaultValue("refuse") PiterfmCsvImporter.OnMissing onMissing) {
        return importer.importCsv(body, onMissing);
    }
}
