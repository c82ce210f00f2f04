package org.airattack.stats.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.WeaponRef;
import org.airattack.stats.series.Fill;
import org.airattack.stats.series.GroupBy;
import org.airattack.stats.series.Interval;
import org.airattack.stats.series.Measure;
import org.airattack.stats.series.SeriesQuery;
import org.airattack.stats.series.SeriesResponse;
import org.airattack.stats.series.SeriesService;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.jboss.resteasy.reactive.Separator;

/** Columnar time series for charts. */
@PermitAll
@Path("/api/v1/series")
@Produces({ MediaType.APPLICATION_JSON, CsvTables.MEDIA_TYPE })
@Tag(name = "series")
public class SeriesResource {

    /** What a series counts when the client names nothing. */
    static final List<Measure> DEFAULT_MEASURES = List.of(Measure.LAUNCHED, Measure.NEUTRALISED);

    private final SeriesService service;

    public SeriesResource(SeriesService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A time series", description = "values[i] of every series belongs to dates[i]; null is unknown. "
            + "Accept: text/csv (or format=csv) gives one row per date and one column per series, blank for unknown.")
    public SeriesResponse series(@BeanParam SourcePeriod q, @BeanParam DateRange range, @BeanParam AsOfParam asOf,
            @Parameter(description = "the step: each night, ISO week (dated by its Monday), month (its 1st), year (1 January)")
            @QueryParam("interval") @DefaultValue("night") Interval interval,
            @Parameter(description = "one total, per category, or per weapon (a bundle is its own weapon)")
            @QueryParam("groupBy") @DefaultValue("total") GroupBy groupBy,
            @Parameter(description = "what to count, comma-separated; default launched,neutralised")
            @QueryParam("measure") @Separator(",") List<Measure> measure,
            @Parameter(description = "only these weapons: catalog slugs or dataset spellings, comma-separated",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
            @QueryParam("weapon") @Separator(",") List<WeaponRef> weapon,
            @Parameter(description = "only these categories, comma-separated")
            @QueryParam("category") @Separator(",") List<Category> category,
            @Parameter(description = "running sums from the first date of the answer")
            @QueryParam("cumulative") @DefaultValue("false") Boolean cumulative,
            @Parameter(description = "dates without a report: left out (none), null, or 0 (zero, counts only)")
            @QueryParam("fill") @DefaultValue("none") Fill fill) {
        List<Measure> measures = present(measure);
        Set<String> weapons = present(weapon).stream().map(WeaponRef::key).collect(java.util.stream.Collectors.toSet());
        Set<Category> categories = Set.copyOf(present(category));
        return service.series(new SeriesQuery(q.source(), q.period(), interval, groupBy,
                measures.isEmpty() ? DEFAULT_MEASURES : List.copyOf(new LinkedHashSet<>(measures)), range.from(), range.to(),
                weapons.isEmpty() ? null : weapons, categories.isEmpty() ? null : categories, cumulative, fill, asOf.asOf()));
    }

    /** The values of a comma list, blank items (read as null) left out; an absent list is empty. */
    private static <T> List<T> present(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
