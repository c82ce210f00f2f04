package org.airattack.stats.web;

import java.time.LocalDate;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.airattack.stats.card.ShareCard;
import org.airattack.stats.problem.NotFoundException;
import org.airattack.stats.series.NightService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A night's share card: a 1200×630 PNG for social posts, cached like every read (ETag per data version). */
@PermitAll
@Path("/api/v1/nights")
@Tag(name = "nights")
public class ShareCardResource {

    static final String PNG = "image/png";

    private final NightService nights;
    private final ShareCards cards;

    public ShareCardResource(NightService nights, ShareCards cards) {
        this.nights = nights;
        this.cards = cards;
    }

    @GET
    @Path("/{date}/card.png")
    @Produces(PNG)
    @Operation(summary = "The night's share card", description = "1200×630 PNG: the night, launched / neutralised / rate per "
            + "category (unknown drawn as unknown, never 0), its flags and the credit.")
    public byte[] card(@Parameter(description = "the night's date (YYYY-MM-DD)", example = "2025-05-24") @PathParam("date") LocalDate date,
            @BeanParam SourcePeriod q,
            @Parameter(description = "the card's language") @QueryParam("lang") @DefaultValue("en") ShareCard.Lang lang) {
        return nights.night(q.source(), q.period(), date).map(n -> cards.png(q.source(), n, lang))
                .orElseThrow(() -> new NotFoundException("source '" + q.source().slug() + "' has no " + q.period().slug()
                        + " report dated " + date));
    }

    @GET
    @Path("/latest/card.png")
    @Produces(PNG)
    @Operation(summary = "The latest night's share card")
    public byte[] latestCard(@BeanParam SourcePeriod q,
            @Parameter(description = "the card's language") @QueryParam("lang") @DefaultValue("en") ShareCard.Lang lang) {
        return nights.latest(q.source(), q.period()).map(n -> cards.png(q.source(), n, lang))
                .orElseThrow(() -> new NotFoundException("source '" + q.source().slug() + "' has no report yet"));
    }
}
