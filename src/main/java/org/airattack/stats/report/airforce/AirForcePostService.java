package org.airattack.stats.report.airforce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.problem.FieldError;
import org.airattack.stats.problem.ProblemType;
import org.airattack.stats.problem.UnprocessableException;
import org.airattack.stats.report.Origin;
import org.airattack.stats.report.ReportDraft;
import org.airattack.stats.report.ReportService;
import org.airattack.stats.report.ReportValidator.UnknownWeapons;
import org.airattack.stats.report.ReportValidator;
import org.airattack.stats.report.ReportWarning;

/**
 * Same-morning numbers: reads an Air Force post and sends the report it reads as through the same
 * validation and revision path as POST /api/v1/reports. Nothing is stored from a post that is not
 * a national report or that cannot be read fully.
 */
@ApplicationScoped
public class AirForcePostService {

    private final AirForcePostParser parser = new AirForcePostParser(Clock.systemUTC());
    private final ReportValidator validator;
    private final ReportService reports;

    public AirForcePostService(ReportValidator validator, ReportService reports) {
        this.validator = validator;
        this.reports = reports;
    }

    /**
     * Reads a post and stores it: a new report, a new revision of the same url, or nothing when unchanged.
     * A post whose cross-checks disagree (a headline or total against its items) is refused with 422,
     * one error per disagreement, unless the editor has checked it and accepts the items' reading.
     */
    public ReportService.Result store(String text, OffsetDateTime publishedAt, String url, boolean acceptDisagreement) {
        Reading reading = reading(text, publishedAt, url);
        if (!acceptDisagreement && !reading.disagreements().isEmpty()) {
            throw new UnprocessableException(ProblemType.CROSS_CHECKS_DISAGREE,
                    "two readings of the post disagree, so nothing was stored: check the post, then send it again with "
                            + "acceptDisagreement=true to store the items' reading (the warning stays with the report), "
                            + "or file the report as JSON",
                    reading.disagreements().stream().map(d -> new FieldError("body", d.conflict())).toList());
        }
        return reports.store(reading.draft(), Origin.POST);
    }

    /**
     * A dry run: the post as it would be stored, and the reports already filed for its night with
     * what storing it would do to each (a revision, a 409 for the night filed another way, or a report
     * that adds to it); nothing is stored.
     */
    public AirForcePostPreview preview(String text, OffsetDateTime publishedAt, String url) {
        ReportDraft draft = read(text, publishedAt, url);
        return AirForcePostPreview.of(draft, reports.filedFor(draft));
    }

    /** Reads and validates a post without storing it. */
    public ReportDraft read(String text, OffsetDateTime publishedAt, String url) {
        return reading(text, publishedAt, url).draft();
    }

    /**
     * A post as it reads, with its cross-checks that disagree (a headline or total against the items):
     * an unattended reader publishes only a post whose {@code disagreements} are empty.
     */
    public record Reading(ReportDraft draft, List<Disagreement> disagreements) {
    }

    /** Reads and validates a post without storing it, keeping the cross-checks' verdict. */
    public Reading reading(String text, OffsetDateTime publishedAt, String url) {
        ParsedPost post;
        try {
            post = parser.parse(text, publishedAt, url);
        } catch (NotANationalReportException e) {
            throw new UnprocessableException(ProblemType.NOT_A_REPORT,
                    "this is " + e.getMessage() + "; nothing was stored",
                    List.of(new FieldError("body", e.kind().slug() + ": " + e.kind().description())));
        } catch (UnreadablePostException e) {
            throw new UnprocessableException(ProblemType.UNREADABLE_REPORT,
                    "the report cannot be read fully (" + e.getMessage() + "); nothing was stored",
                    e.problems().stream().map(p -> new FieldError("body", p)).toList());
        }
        ReportDraft draft = validator.validate(post.request(), UnknownWeapons.REJECT);
        List<ReportWarning> warnings = new ArrayList<>(post.warnings().stream().map(ReportWarning::ofReport).toList());
        warnings.addAll(draft.warnings());
        return new Reading(new ReportDraft(draft.source(), draft.externalId(), draft.target(), draft.window(), draft.url(),
                draft.publishedAt(), draft.lines(), List.copyOf(warnings), draft.contentHash(), draft.additionalWave()),
                post.disagreements());
    }
}
