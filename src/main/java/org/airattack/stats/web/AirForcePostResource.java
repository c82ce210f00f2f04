package org.airattack.stats.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.problem.TooLargeException;
import org.airattack.stats.report.ReportResponse;
import org.airattack.stats.report.ReportService;
import org.airattack.stats.report.airforce.AirForcePostService;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** POST /api/v1/imports/air-force-post: the text of an Air Force post becomes a report of source ua-air-force. */
@Path("/api/v1/imports/air-force-post")
@Tag(name = "imports")
public class AirForcePostResource {

    /** A post is a few kilobytes; anything much larger is not one. */
    static final int MAX_BODY = 64 * 1024;

    private final AirForcePostService service;

    public AirForcePostResource(AirForcePostService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(ReportResource.WRITER)
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store the report an Air Force post reads as", description = "The body is the post's Ukrainian text. "
            + "201 for a new report, 200 for a new revision of the same url or for an unchanged one; with dryRun=true, 200 and "
            + "the report as it would be stored and the reports already filed for its night (filed, each with onStore), nothing stored. 422 for a post that is not a national report, cannot be read fully, or whose headline or totals disagree with its items.")
    @APIResponse(responseCode = "201", description = "a new report, at Location",
            headers = @Header(name = "Location", description = "/api/v1/reports/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "200", description = "a new revision of the same post, unchanged, or (dryRun) the report as it "
            + "would be stored", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "409", description = "it repeats a report of the same night filed another way", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "422", description = "not a national report (errors[0].message says what it is), a report "
            + "the reader cannot read fully (one error per part), or one whose figures disagree (cross-checks-disagree: one "
            + "error per disagreement; acceptDisagreement=true stores the items' reading)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response importPost(InputStream body, @Context HttpHeaders headers,
            @Parameter(description = "when the post was published, ISO-8601 with offset; gives the year of its dates")
            @QueryParam("publishedAt") String publishedAt,
            @Parameter(description = "the post's address: its idempotency key (without it, a hash of the text)")
            @QueryParam("url") String url,
            @Parameter(description = "true: answer the report as read, store nothing")
            @QueryParam("dryRun") @DefaultValue("false") Boolean dryRun,
            @Parameter(description = "true: the post was checked by hand; store the items' reading although a headline, "
                    + "a stated total or \"N з M\" disagrees with them (without it such a post is a 422)")
            @QueryParam("acceptDisagreement") @DefaultValue("false") Boolean acceptDisagreement) {
        OffsetDateTime published = publishedAt(publishedAt);
        String text = text(body, headers.getMediaType());
        if (dryRun) {
            return Response.ok(service.preview(text, published, url)).build();
        }
        return Written.answer(service.store(text, published, url, acceptDisagreement));
    }

    private static OffsetDateTime publishedAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidException("publishedAt", "must be an ISO-8601 date-time with offset, e.g. 2026-06-24T08:44:38+03:00");
        }
    }

    /** The body as text: at most {@link #MAX_BODY} bytes, in the declared charset (UTF-8 when none is declared). */
    private static String text(InputStream body, MediaType type) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new InvalidException("body", "could not be read");
        }
        if (bytes.length > MAX_BODY) {
            throw new TooLargeException("a post's text may be at most " + MAX_BODY + " bytes");
        }
        Charset charset = charset(type);
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidException("body", "is not " + charset.name() + " text");
        }
        if (text.isBlank()) {
            throw new InvalidException("body", "the post's text is required");
        }
        return text;
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidException("body", "unknown charset '" + name + "'");
        }
    }
}
