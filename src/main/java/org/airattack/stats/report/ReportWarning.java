package org.airattack.stats.report;

/**
 * A remark stored with a report: implausible-but-reported numbers, a model kept under the catch-all,
 * what a post reader wants an editor to know.
 *
 * @param line    the index of the request line it is about, or null when it is about the whole report
 * @param message the text stored and shown, naming the line as the caller labels lines
 */
public record ReportWarning(Integer line, String message) {

    /** A remark about the whole report. */
    public static ReportWarning ofReport(String message) {
        return new ReportWarning(null, message);
    }
}
