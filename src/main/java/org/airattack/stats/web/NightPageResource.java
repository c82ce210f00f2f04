package org.airattack.stats.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

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
import org.airattack.stats.catalog.Category;
import org.airattack.stats.series.Flags;
import org.airattack.stats.series.Measures;
import org.airattack.stats.series.NightResponse;
import org.airattack.stats.series.NightService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One night as a web page that a shared link unfurls from: its table, its reports' links, the credit,
 * and Open Graph / Twitter tags whose image is the night's share card.
 */
@PermitAll
@Path("/nights/{date}")
@Tag(name = "pages")
// The template reads these records through Qute's reflection resolver: registered for the native image.
@RegisterForReflection(targets = { NightResponse.class, NightResponse.CategoryMeasures.class, NightResponse.ReportRef.class,
        Measures.class, Flags.class, Category.class })
public class NightPageResource {

    /** The page's template, escaped as HTML. */
    static final String TEMPLATE = "templates/NightPageResource/night.html";

    private final NightService nights;
    private final ReadFastPath fastPath;
    private final Template template;

    public NightPageResource(NightService nights, ReadFastPath fastPath) {
        this.nights = nights;
        this.fastPath = fastPath;
        // Qute as a library (qute-core), not the extension: every value written into the page is HTML-escaped.
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
        try (InputStream in = NightPageResource.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the application");
            }
            template = engine.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new Variant(Locale.ROOT, Variant.TEXT_HTML, StandardCharsets.UTF_8.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The night as a page to share (its og:image is the night's card)")
    public Response page(@PathParam("date") LocalDate date, @BeanParam SourcePeriod q,
            @QueryParam("lang") @DefaultValue("en") ShareCard.Lang lang, @Context UriInfo uri) {
        URI base = uri.getBaseUri();
        String query = "?source=" + q.source().slug() + "&period=" + q.period().slug();
        String code = lang == ShareCard.Lang.UK ? "uk" : "en";
        String page = template.data("night", night(q, date))
                .data("sourceName", q.source().name()).data("lang", code).data("uk", lang == ShareCard.Lang.UK)
                .data("pageUrl", base.resolve("nights/" + date + query + "&lang=" + code).toString())
                .data("cardUrl", base.resolve("api/v1/nights/" + date + "/card.png" + query + "&lang=" + code).toString())
                .data("apiUrl", base.resolve("api/v1/nights/" + date + query).toString())
                .data("csvUrl", base.resolve("api/v1/nights" + query + "&from=" + date + "&to=" + date + "&format=csv").toString())
                .render();
        // a page of published figures: shared caches may keep it as long as a read of the API
        return Response.ok(page).header("Cache-Control", fastPath.cacheControl().toString()).build();
    }

    private NightResponse night(SourcePeriod q, LocalDate date) {
        return nights.night(q.source(), q.period(), date).orElseThrow(() -> new NotFoundException(
                "source '" + q.source().slug() + "' has no " + q.period().slug() + " report dated " + date));
    }
}
