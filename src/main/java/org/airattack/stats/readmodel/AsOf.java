package org.airattack.stats.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.report.Revision;
import org.airattack.stats.report.StoredReport;

/**
 * The read model as it stood at an earlier instant, derived from the current snapshot: each report
 * at its latest revision recorded at or before the instant, reports created later absent,
 * retractions after it not yet applied (and a retraction that a later revision ended applied in
 * between). A revision's {@code recordedAt} is the time its write took the lock, never in the past,
 * so the view of an instant that has passed no longer changes once the writes of that instant have
 * committed.
 */
@ApplicationScoped
public class AsOf {

    private final ReadModel readModel;
    /** The last view derived, reused while the data and the instant stay the same. */
    private volatile View last;

    private record View(Snapshot base, Instant at, Snapshot view) {
    }

    public AsOf(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** The current snapshot when {@code asOf} is null, else the view at that instant. */
    public Snapshot at(Instant asOf) {
        Snapshot current = readModel.snapshot();
        if (asOf == null || !asOf.isBefore(current.lastModified())) {
            return current; // nothing changed after it: the view is the snapshot itself
        }
        View v = last;
        if (v != null && v.base() == current && v.at().equals(asOf)) {
            return v.view();
        }
        Snapshot view = view(current, asOf);
        last = new View(current, asOf, view);
        return view;
    }

    /** The snapshot restricted to what had been recorded at {@code t}. */
    static Snapshot view(Snapshot s, Instant t) {
        List<StoredReport> reports = new ArrayList<>();
        for (StoredReport r : s.reportsNewestFirst()) {
            StoredReport then = report(r, t);
            if (then != null) {
                reports.add(then);
            }
        }
        return Snapshot.of(reports, s.version());
    }

    /** The report as it stood at {@code t}: its revisions recorded by then, active unless retracted then; null when created later. */
    public static StoredReport report(StoredReport r, Instant t) {
        List<Revision> revisions = r.revisions();
        int n = 0;
        while (n < revisions.size() && !revisions.get(n).recordedAt().isAfter(t)) {
            n++;
        }
        if (n == 0 || r.createdAt().isAfter(t)) {
            return null;
        }
        Instant retracted = retractedAt(r, n, t);
        if (n == revisions.size() && (retracted != null) == !r.active()) {
            return r;
        }
        return new StoredReport(r.id(), r.source(), r.externalId(), retracted == null, r.lastChange(), r.createdAt(), retracted,
                List.copyOf(revisions.subList(0, n)));
    }

    /**
     * When the report was retracted, if it stood retracted at {@code t} with its first {@code n}
     * revisions recorded: by its current retraction, or by one the next revision ended.
     */
    private static Instant retractedAt(StoredReport r, int n, Instant t) {
        Instant retraction = n < r.revisions().size() ? r.revisions().get(n).retractedBefore() : r.retractedAt();
        return retraction != null && !retraction.isAfter(t) ? retraction : null;
    }
}
