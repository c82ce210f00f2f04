package org.airattack.stats.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.readmodel.PeriodFilter;
import org.airattack.stats.readmodel.ReadModel;
import org.airattack.stats.readmodel.Snapshot;
import org.airattack.stats.report.Period;
import org.airattack.stats.report.Revision;
import org.airattack.stats.report.StoredReport;

/**
 * The corrections feed: every change to figures that had already been published, found by
 * replaying each night's history. A night's figures are those of {@code /api/v1/nights/{date}}
 * (every report that counts there, unknown kept apart from 0); each revision (but a report's first)
 * and each retraction is applied in the order it was written, and listed when it changed one of
 * them. A revision that moves a report to another date changes two nights and is listed for each.
 */
@ApplicationScoped
public class CorrectionsService {

    /** The figures compared, in the order they are listed. */
    private static final List<Measure> MEASURES = List.of(Measure.values());
    /** Newest first: by when it changed, then report, revision (its retraction after it) and date. */
    private static final Comparator<Listed> NEWEST_FIRST = Comparator.comparing(Listed::at)
            .thenComparingLong(l -> l.correction().reportId())
            .thenComparingInt(l -> l.correction().revision())
            .thenComparing(l -> l.correction().retractedAt() != null)
            .thenComparing(l -> l.correction().date())
            .reversed();
    /** The credit of a feed of every source. */
    static final String EVERY_SOURCE = "Reports of each source named, claims unverified. " + Attribution.DATASET;

    private final ReadModel readModel;
    /** Every correction of the last snapshot asked about, newest first. */
    private volatile Computed last;

    private record Computed(Snapshot snapshot, List<Correction> all) {
    }

    /** A correction with the instant it happened, for ordering. */
    private record Listed(Instant at, Correction correction) {
    }

    public CorrectionsService(ReadModel readModel) {
        this.readModel = readModel;
    }

    /**
     * A page of corrections, newest first.
     *
     * @param source only nights of this source, or null for all
     * @param from   only nights from this date (inclusive), or null
     * @param to     only nights to this date (inclusive), or null
     * @param cursor the id of the correction to continue after, or null for the first page
     * @param limit  the page size
     * @throws InvalidException when the cursor names no correction of this selection
     */
    public CorrectionsPage page(SourceInfo source, LocalDate from, LocalDate to, String cursor, int limit) {
        Snapshot s = readModel.snapshot();
        String fromText = from == null ? null : from.toString();
        String toText = to == null ? null : to.toString();
        List<Correction> matching = all(s).stream()
                .filter(c -> source == null || c.source().equals(source.slug()))
                .filter(c -> fromText == null || c.date().compareTo(fromText) >= 0)
                .filter(c -> toText == null || c.date().compareTo(toText) <= 0)
                .toList();
        int start = 0;
        if (cursor != null) {
            start = -1;
            for (int i = 0; i < matching.size() && start < 0; i++) {
                if (matching.get(i).id().equals(cursor)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw new InvalidException("cursor", "names no correction of this selection; take it from the next of a page");
            }
        }
        int end = Math.min(matching.size(), start + limit);
        List<Correction> page = matching.subList(start, end);
        String next = end < matching.size() ? page.get(page.size() - 1).id() : null;
        return new CorrectionsPage(source == null ? null : source.slug(), fromText, toText, limit, cursor, List.copyOf(page), next,
                matching.size(), s.version(), Instant.now().toString(), source == null ? EVERY_SOURCE : Attribution.of(source));
    }

    private List<Correction> all(Snapshot s) {
        Computed c = last;
        if (c != null && c.snapshot() == s) {
            return c.all();
        }
        List<Correction> all = corrections(s);
        last = new Computed(s, all);
        return all;
    }

    /** The night a revision counts in: its source, its period's filter, its date. */
    private record Night(SourceInfo source, PeriodFilter period, LocalDate date) {

        static Night of(StoredReport r, Revision rev) {
            return rev == null ? null
                    : new Night(r.source(), rev.period() == Period.DAY ? PeriodFilter.DAY : PeriodFilter.NIGHT, rev.date());
        }
    }

    /**
     * One write that changed what a report contributes: a revision, or a retraction of the revision
     * before it. {@code before}/{@code after} are the revisions that count (null: none).
     */
    private record Change(StoredReport report, Instant at, int order, Revision before, Revision after, boolean first) {

        Correction.Reason reason() {
            if (after == null) {
                return Correction.Reason.RETRACTION;
            }
            if (after.origin() == null) {
                return Correction.Reason.UNKNOWN;
            }
            return switch (after.origin()) {
                case POST, CHANNEL -> Correction.Reason.POST_EDITED;
                case DATASET -> Correction.Reason.DATASET_REISSUE;
                case API, SAMPLE -> Correction.Reason.EDITOR_REVISION;
            };
        }
    }

    /** Every correction of the snapshot, newest first. */
    static List<Correction> corrections(Snapshot s) {
        Map<Night, List<Change>> byNight = new HashMap<>();
        for (StoredReport r : s.reportsNewestFirst()) {
            for (Change c : changes(r)) {
                Set<Night> nights = new LinkedHashSet<>();
                nights.add(Night.of(r, c.before()));
                nights.add(Night.of(r, c.after()));
                nights.remove(null);
                nights.forEach(n -> byNight.computeIfAbsent(n, k -> new ArrayList<>()).add(c));
            }
        }
        List<Listed> out = new ArrayList<>();
        byNight.forEach((night, changes) -> replay(night, changes, out));
        out.sort(NEWEST_FIRST);
        return out.stream().map(Listed::correction).toList();
    }

    /** A report's history as changes, in the order they were written. */
    private static List<Change> changes(StoredReport r) {
        List<Change> out = new ArrayList<>();
        Revision counting = null;
        List<Revision> revisions = r.revisions();
        for (int i = 0; i < revisions.size(); i++) {
            Revision rev = revisions.get(i);
            if (rev.retractedBefore() != null && counting != null) {
                out.add(new Change(r, rev.retractedBefore(), out.size(), counting, null, false));
            }
            out.add(new Change(r, rev.recordedAt(), out.size(), rev.retractedBefore() != null ? null : counting, rev, i == 0));
            counting = rev;
        }
        if (!r.active() && r.retractedAt() != null) {
            out.add(new Change(r, r.retractedAt(), out.size(), counting, null, false));
        }
        return out;
    }

    /** Applies a night's changes in the order they were written; lists each that changed its figures. */
    private static void replay(Night night, List<Change> changes, List<Listed> out) {
        changes.sort(Comparator.comparing(Change::at).thenComparingLong(c -> c.report().id()).thenComparingInt(Change::order));
        Map<Long, Revision> counting = new LinkedHashMap<>();
        Figures before = Figures.of(counting.values());
        for (Change c : changes) {
            if (night.equals(Night.of(c.report(), c.after()))) {
                counting.put(c.report().id(), c.after());
            } else {
                counting.remove(c.report().id());
            }
            Figures after = Figures.of(counting.values());
            if (!c.first()) {
                List<Correction.Change> diff = before.diff(after);
                if (!diff.isEmpty()) {
                    out.add(new Listed(c.at(), correction(night, c, diff)));
                }
            }
            before = after;
        }
    }

    private static Correction correction(Night night, Change c, List<Correction.Change> diff) {
        boolean retraction = c.after() == null;
        Revision rev = retraction ? c.before() : c.after();
        String id = c.report().id() + "-" + rev.revision() + (retraction ? "-retracted-" : "-") + night.date();
        return new Correction(id, night.source().slug(), night.period(), night.date().toString(), c.report().id(),
                c.report().externalId(), rev.revision(), retraction ? null : c.at().toString(), retraction ? c.at().toString() : null,
                c.reason(), rev.url(), List.copyOf(diff));
    }

    /** A night's figures: its totals and per-category measures, as the night's detail shows them. */
    private record Figures(Measures totals, Map<String, Measures> categories) {

        static Figures of(Iterable<Revision> counting) {
            DateTally t = new DateTally();
            counting.forEach(t::add);
            return new Figures(Measures.of(t.total), t.categoryMeasures());
        }

        /** The figures that differ from {@code after}'s: totals first, then by category. */
        List<Correction.Change> diff(Figures after) {
            List<Correction.Change> out = new ArrayList<>();
            compare(GroupBy.TOTAL_GROUP, totals, after.totals, out);
            Set<String> groups = new LinkedHashSet<>(categories.keySet());
            groups.addAll(after.categories.keySet());
            for (String g : groups) {
                compare(g, categories.get(g), after.categories.get(g), out);
            }
            return out;
        }

        private static void compare(String group, Measures before, Measures after, List<Correction.Change> out) {
            for (Measure m : MEASURES) {
                Number b = before == null ? null : before.get(m);
                Number a = after == null ? null : after.get(m);
                if (!Objects.equals(b, a)) {
                    out.add(new Correction.Change(group, m, b, a));
                }
            }
        }
    }
}
