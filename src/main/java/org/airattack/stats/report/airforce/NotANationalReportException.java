package org.airattack.stats.report.airforce;

/** The text is not a national Air Force report about a window: an alert, a regional tally, a clarification, … */
public class NotANationalReportException extends RuntimeException {

    private final PostKind kind;

    public NotANationalReportException(PostKind kind, String quote) {
        super(kind.description() + ": '" + quote + "'");
        this.kind = kind;
    }

    public PostKind kind() {
        return kind;
    }
}
