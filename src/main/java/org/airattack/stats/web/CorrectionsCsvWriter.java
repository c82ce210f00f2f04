package org.airattack.stats.web;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;

import org.airattack.stats.series.CorrectionsPage;

/** {@code text/csv} for a page of the corrections feed. */
@Provider
@Produces(CsvTables.MEDIA_TYPE)
public class CorrectionsCsvWriter extends CsvWriter<CorrectionsPage> {

    public CorrectionsCsvWriter() {
        super(CorrectionsPage.class, CsvTables::corrections);
    }
}
