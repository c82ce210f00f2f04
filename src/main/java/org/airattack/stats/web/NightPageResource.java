package org.airattack.stats.web;

import java.net.URI;
import java.time.LocalDate;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.airattack.stats.card.ShareCard;
import org.airattack.stats.problem.NotFoundException;
import org.airattack.stats.series.NightResponse;
import org.airattack.stats.series.NightService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One night as a web page that a shared link unfurls from: its table, its reports' links, the credit,
 * and Open Graph / Twitter tags whose image is the night's share card.
 */
@PermitAll
@Path("/nights/{date}")
@Tag(name = "pages")
public class NightPageResource {

    private final NightService nights;
    private final ReadFastPath fastPath;

    public NightPageResource(NightService nights, ReadFastPath fastPath) {
        this.nights = nights;
        this.fastPath = fastPath;
    }

    /** The page's template (templates/NightPageResource/night.html), its values checked at build time. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance night(NightResponse night, String sourceName, String lang, boolean uk, String pageUrl,
                String cardUrl, String apiUrl, String csvUrl);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The night as a page to share (its og:image is the night's card)")
    public Response page(@PathParam("date") LocalDate date, @BeanParam SourcePeriod q,
            @QueryParam("lang") @DefaultValue("en") ShareCard.Lang lang, @Context UriInfo uri) {
        NightResponse night = nights.night(q.source(), q.period(), date).orElseThrow(() -> new NotFoundException(
                "source '" + q.source().slug() + "' has no " + q.period().slug() + " report dated " + date));
        URI base = uri.getBaseUri();
        String query = "?source=" + q.source().slug() + "&period=" + q.period().slug();
        String code = lang == ShareCard.Lang.UK ? "uk" : "en";
        TemplateInstance page = Templates.night(night, q.source().name(), code, lang == ShareCard.Lang.UK,
                base.resolve("nights/" + date + query + "&lang=" + code).toString(),
                base.resolve("api/v1/nights/" + date + "/card.png" + query + "&lang=" + code).toString(),
                base.resolve("api/v1/nights/" + date + query).toString(),
                base.resolve("api/v1/nights" + query + "&from=" + date + "&to=" + date + "&format=csv").toString());
        // a page of published figures: shared caches may keep it as long as a read of the API
        return Response.ok(page).header("Cache-Control", fastPath.cacheControl().toString()).build();
    }
}
