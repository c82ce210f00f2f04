package org.airattack.stats.report.airforce;

import java.util.List;

/**
 * What a post is, as {@link PostClassifier} tells without reading its counts: a national report,
 * another kind of post (with its kind), or a report it cannot read (with what it could not read).
 *
 * @param outcome  which of the three
 * @param kind     for {@link Outcome#NOT_A_REPORT}, what the post is instead; null otherwise
 * @param quote    the words the verdict rests on: the window's header, or the sentence that shows what the post is
 * @param problems for {@link Outcome#UNREADABLE}, each part it could not read; empty otherwise
 */
public record PostVerdict(Outcome outcome, PostKind kind, String quote, List<String> problems) {

    /** The three outcomes a post can have. */
    public enum Outcome {
        REPORT, NOT_A_REPORT, UNREADABLE
    }

    static PostVerdict report(String header) {
        return new PostVerdict(Outcome.REPORT, null, header, List.of());
    }

    static PostVerdict notAReport(PostKind kind, String quote) {
        return new PostVerdict(Outcome.NOT_A_REPORT, kind, quote, List.of());
    }

    static PostVerdict unreadable(List<String> problems) {
        return new PostVerdict(Outcome.UNREADABLE, null, null, List.copyOf(problems));
    }

    /** The reason in words, the same the parser's exception carries: what a caller records with an ignored post. */
    public String reason() {
        return switch (outcome) {
            case REPORT -> "a national report: '" + quote + "'";
            case NOT_A_REPORT -> kind.description() + ": '" + quote + "'";
            case UNREADABLE -> String.join("; ", problems);
        };
    }

    /** The parser's exception for a post that is not a report it can read; nothing for a report. */
    void refuse() {
        switch (outcome) {
            case NOT_A_REPORT -> throw new NotANationalReportException(kind, quote);
            case UNREADABLE -> throw new UnreadablePostException(problems);
            case REPORT -> {
                // read on
            }
        }
    }
}
