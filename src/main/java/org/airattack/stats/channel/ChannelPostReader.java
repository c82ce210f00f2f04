package org.airattack.stats.channel;

import java.time.ZoneOffset;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.problem.ConflictException;
import org.airattack.stats.problem.DomainException;
import org.airattack.stats.problem.FieldError;
import org.airattack.stats.problem.ProblemType;
import org.airattack.stats.problem.UnavailableException;
import org.airattack.stats.report.Origin;
import org.airattack.stats.report.ReportDraft;
import org.airattack.stats.report.ReportService;
import org.airattack.stats.report.airforce.AirForcePostService;

/**
 * Gives a post its one outcome: the Air Force post reader reads it, and only a national report
 * read without doubt is stored, through the same {@link ReportService} as every write. Whatever the
 * reader refuses, or reads with cross-checks that disagree, waits for review and changes no number;
 * an edit that cannot be read keeps the revision stored before it.
 */
@ApplicationScoped
public class ChannelPostReader {

    /** What reading a post came to. */
    record Reading(PostStatus status, String reason, Long reportId, Integer revision, ReportService.Outcome written) {
    }

    private final AirForcePostService posts;
    private final ReportService reports;

    public ChannelPostReader(AirForcePostService posts, ReportService reports) {
        this.posts = posts;
        this.reports = reports;
    }

    /**
     * Reads a post and stores it when it is a national report read without doubt.
     *
     * @param before the post's record from an earlier reading, or null
     * @throws UnavailableException when the store cannot be written (the poll fails and reads it again)
     */
    Reading read(PagePost post, ChannelPost before) {
        if (post.text().isBlank()) {
            return notStored(before, PostStatus.IGNORED, "other: the post has no text (a photo or video alone)");
        }
        AirForcePostService.Reading reading;
        try {
            reading = posts.reading(post.text(), post.publishedAt().atOffset(ZoneOffset.UTC), post.url());
        } catch (UnavailableException e) {
            throw e;
        } catch (DomainException e) {
            if (e.type() == ProblemType.NOT_A_REPORT) {
                return notStored(before, PostStatus.IGNORED, e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
            }
            return notStored(before, PostStatus.UNREADABLE, reason(e));
        }
        if (!reading.disagreements().isEmpty()) {
            // not read without doubt: it waits for an editor instead of being published
            return notStored(before, PostStatus.UNREADABLE, "cross-checks disagree: " + reading.disagreements().get(0).message());
        }
        ReportDraft draft = reading.draft();
        ReportService.Result result;
        try {
            result = reports.store(draft, Origin.CHANNEL);
        } catch (ConflictException e) {
            return notStored(before, PostStatus.UNREADABLE, "already filed another way: " + e.getMessage());
        }
        return new Reading(PostStatus.STORED, null, result.report().id(), result.report().latest().revision(), result.outcome());
    }

    /**
     * A post not stored this time. One stored before (an edit now ignored or unreadable) keeps its
     * report and revision and waits for review instead: only a reading without doubt changes numbers.
     */
    private static Reading notStored(ChannelPost before, PostStatus status, String reason) {
        if (before != null && before.reportId != null) {
            return new Reading(PostStatus.UNREADABLE, "stored as report " + before.reportId + " revision " + before.revision
                    + ", the post now reads differently and waits for review (the stored revision stands): " + reason, before.reportId,
                    before.revision, null);
        }
        return new Reading(status, reason, null, null, null);
    }

    /** What the reader or the validation refused, every part it names. */
    private static String reason(DomainException e) {
        if (e.errors().isEmpty()) {
            return e.getMessage();
        }
        String parts = e.errors().stream().map(ChannelPostReader::part).collect(Collectors.joining("; "));
        return e.type() == ProblemType.UNREADABLE_REPORT ? parts : e.getMessage() + " (" + parts + ")";
    }

    private static String part(FieldError error) {
        return error.field().equals("body") ? error.message() : error.field() + ": " + error.message();
    }
}
