package org.airattack.stats.report.piterfm;

import java.util.List;

/**
 * What an import of the dataset did. Row counts follow the report each row belongs to: a row of a
 * new report is created, of a changed report revised, of an identical report unchanged.
 *
 * @param rows        data rows read
 * @param created     rows of new reports
 * @param revised     rows of reports that got a new revision
 * @param unchanged   rows of reports that were already stored as they are
 * @param skipped     rows of reports that fail validation (each with a warning)
 * @param reports     the same per report, and the reports retracted because the file no longer has them
 * @param warnings    every warning, with its row number
 * @param elapsedMs   wall time of the request
 * @param dataVersion the data version after the import
 */
public record ImportResult(int rows, int created, int revised, int unchanged, int skipped, Reports reports,
        List<Warning> warnings, long elapsedMs, long dataVersion) {

    /**
     * Per-report counts.
     *
     * @param retracted  earlier dataset reports the file no longer has, retracted on request
     * @param superseded reports that came another way (JSON, an Air Force post) with exactly the window of
     *                   a dataset report, replaced by it
     */
    public record Reports(int created, int revised, int unchanged, int skipped, int retracted, int superseded) {
    }

    /**
     * One warning.
     *
     * @param row     the row it is about (the header is row 1), or null for the whole file
     * @param message what is odd about it
     */
    public record Warning(Integer row, String message) {
    }
}
