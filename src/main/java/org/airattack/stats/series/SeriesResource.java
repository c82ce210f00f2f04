package org.airattack.stats.series;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Columnar time series for charts. */
@Path("/api/v1/series")
@Produces({ MediaType.APPLICATION_JSON, CsvTables.MEDIA_TYPE })
@Tag(name = "series")
public class SeriesResource {

    private final SeriesService service;
    private final QueryParser params;

    public SeriesResource(SeriesService service, QueryParser params) {
        this.service = service;
        this.params = params;
    }

    @GET
    @Operation(summary = "A time series", description = "values[i] of every series belongs to dates[i]; null is unknown. "
            + "Accept: text/csv (or format=csv) gives one row per date and one column per series, blank for unknown.")
    public SeriesResponse series(@QueryParam("source") String source, @QueryParam("period") String period,
            @QueryParam("interval") String interval, @QueryParam("groupBy") String groupBy,
            @QueryParam("measure") String measure, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("weapon") String weapon, @QueryParam("category") String category,
            @QueryParam("cumulative") String cumulative, @QueryParam("fill") String fill) {
        return service.series(query(source, period, interval, groupBy, measure, from, to, weapon, category, cumulative, fill));
    }

    SeriesQuery query(String source, String period, String interval, String groupBy, String measure, String from, String to,
            String weapon, String category, String cumulative, String fill) {
        var f = params.date("from", from);
        var t = params.date("to", to);
        params.range(f, t);
        return new SeriesQuery(params.source(source), params.period(period), params.interval(interval),
                params.groupBy(groupBy), params.measures(measure), f, t, params.weapons(weapon), params.categories(category),
                params.bool("cumulative", cumulative), params.fill(fill));
    }
}
