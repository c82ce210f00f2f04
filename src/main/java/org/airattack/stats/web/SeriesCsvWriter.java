package org.airattack.stats.web;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;

import org.airattack.stats.series.SeriesResponse;

/** {@code text/csv} for a series. */
@Provider
@Produces(CsvTables.MEDIA_TYPE)
public class SeriesCsvWriter extends CsvWriter<SeriesResponse> {

    public SeriesCsvWriter() {
        super(SeriesResponse.class, CsvTables::series);
    }
}
