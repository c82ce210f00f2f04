package org.airattack.stats.web;

import java.time.Instant;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code asOf} instant of a read: answer as the service would have answered then. */
public class AsOfParam {

    /** The query parameter's name. */
    static final String NAME = "asOf";

    @QueryParam(NAME)
    @Parameter(description = "answer as the service would have at this instant (ISO-8601 with an offset): each report at its "
            + "latest revision recorded by then, later reports absent, later retractions not applied. Not in the future (400); "
            + "before the first report the answer is empty (404 for one night). An answer for an instant past is immutable.",
            example = "2025-05-24T09:00:00+03:00", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    Instant asOf;

    /** The instant, or null for now. */
    public Instant asOf() {
        return asOf;
    }
}
