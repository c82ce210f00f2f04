package org.airattack.stats.report.airforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.airattack.stats.common.Sha256;
import org.airattack.stats.report.ReportRequest;
import org.airattack.stats.report.airforce.PostClassifier.Classified;

/**
 * Reads the Ukrainian text of a national Air Force report (DOMAIN §3 "How the posts read", every
 * era) into a report of source {@code ua-air-force}. {@link PostClassifier} says first what the post
 * is; {@link PostClauses} cuts it into clauses ("противник атакував …", "зафіксовано N …",
 * "збито/подавлено", "знищено", "підтверджено збиття", "локаційно втрачені", "полетіли в бік
 * Білорусі", "в повітряному просторі"); {@link CountReader} turns them into weapon lines,
 * {@link CrossChecks} checks what the post states twice, {@link NightFigures} and
 * {@link PostRemarks} read the rest. It never guesses: a post it cannot read fully is refused
 * naming what it could not read, a post that is not a national report is refused saying what it
 * is, and a figure stated twice that disagrees is kept as a {@link Disagreement}.
 * Pure Java, no CDI, so it is tested without the application.
 */
public final class AirForcePostParser {

    public static final String SOURCE = "ua-air-force";
    public static final String TARGET = "Ukraine";
    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private final PostClassifier classifier;

    /** A parser that takes "today" in Kyiv from the clock when a post comes without its publication time. */
    public AirForcePostParser(Clock clock) {
        this.classifier = new PostClassifier(clock);
    }

    /**
     * Reads a post.
     *
     * @param text        the post's text as published
     * @param publishedAt when it was published: the year of its dates; null for "this morning"
     * @param url         the post's address: its idempotency key ({@link PostUrl#key}); null keys it by a hash of its text
     * @throws NotANationalReportException for an alert, a regional tally, a clarification, …
     * @throws UnreadablePostException     for a report it cannot read fully, naming what it could not read
     */
    public ParsedPost parse(String text, OffsetDateTime publishedAt, String url) {
        PostText post = new PostText(text == null ? "" : text);
        LocalDate reference = classifier.reference(publishedAt);
        Classified classified = classifier.classify(post, reference);
        classified.verdict().refuse();

        PostReading reading = new PostReading(post, classified.window());
        String key = url == null || url.isBlank() ? null : PostUrl.key(url);
        reading.warnings.addAll(reading.window.clockWarnings());
        if (publishedAt == null) {
            reading.warnings.add("no publishedAt: the year is taken from today's date in Kyiv (" + reference + ")");
        }
        if (key == null) {
            reading.warnings.add("no url: the report is keyed by a hash of its text, so a corrected text will be another report, not a revision");
        }
        reading.clauses = PostClauses.read(reading);
        CrossChecks crossChecks = new CrossChecks(reading);
        PostRemarks remarks = new PostRemarks(reading);
        new CountReader(reading, crossChecks, remarks).read();
        if (reading.lines.isEmpty() && reading.problems.isEmpty()) {
            reading.problems.add("the counts: no weapon with a count after '" + reading.window.header() + "'");
        }
        if (!reading.problems.isEmpty()) {
            throw new UnreadablePostException(reading.problems);
        }
        crossChecks.check();
        NightFigures.read(reading);
        remarks.read();

        PostWindow window = reading.window;
        ReportRequest request = new ReportRequest(SOURCE, key != null ? key : textKey(post), TARGET, window.start(), window.end(), key,
                publishedAt == null ? null : publishedAt.toString(), reading.lines.requests());
        return new ParsedPost(request, List.copyOf(reading.warnings), List.copyOf(reading.disagreements));
    }

    /** Every weapon spelling the parser can write, for checking them against the catalog. */
    public static List<String> spellings() {
        return WeaponNames.spellings();
    }

    private static String textKey(PostText post) {
        return "text-sha256:" + Sha256.hex(post.text());
    }
}
