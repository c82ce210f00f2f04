package org.airattack.stats.web;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;

import org.airattack.stats.series.NightsResponse;

/** {@code text/csv} for the nights table. */
@Provider
@Produces(CsvTables.MEDIA_TYPE)
public class NightsCsvWriter extends CsvWriter<NightsResponse> {

    public NightsCsvWriter() {
        super(NightsResponse.class, CsvTables::nights);
    }
}
