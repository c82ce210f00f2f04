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
    public ImportResult importPiterfm(InputStream body,
            @Parameter(description = "stored dataset reports the file lacks: refuse the file (409), keep them, or retract them")
            @QueryParam("onMissing") @DefaultValue("refuse") PiterfmCsvImporter.OnMissing onMissing) {
        return importer.importCsv(body, onMissing);
    }
}
