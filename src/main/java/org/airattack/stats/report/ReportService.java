package org.airattack.stats.report;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.common.BindMarks;
import org.airattack.stats.problem.ConflictException;
import org.airattack.stats.problem.NotFoundException;
import org.airattack.stats.problem.ProblemType;
import org.airattack.stats.problem.UnavailableException;
import org.airattack.stats.report.ReportRepository.Current;
import org.airattack.stats.report.ReportValidator.UnknownWeapons;

import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Ingest, revision and retraction of reports. Every write commits before it answers and announces
 * its commit ({@link ReportsCommitted}, synchronously), so the read model has taken it in before the
 * answer leaves and a client reads what it just wrote. Writes are serialised by the data-version row
 * ({@link ReportRepository#nextVersion()}). Every accepted write, whoever calls, is also announced as
 * a {@link ReportAccepted} event.
 */
@ApplicationScoped
public class ReportService {

    /** What a write did. */
    public enum Outcome {
        CREATED, REVISED, UNCHANGED
    }

    /** A write's outcome and the report as stored afterwards. */
    public record Result(Outcome outcome, StoredReport report) {
    }

    /** What a batch write did to each draft (in order), and how many reports it retracted. */
    public record BatchResult(List<Outcome> outcomes, int retracted, long version) {
    }

    /** Rows per JDBC batch of a bulk insert. */
    static final int BATCH = 500;

    /** How long a write waits for the writes queued before it on this replica. */
    static final long QUEUE_SECONDS = 30;

    private final ReportValidator validator;
    private final ReportRepository repository;
    private final ReportMapper mapper;
    private final StoredReports stored;
    private final Event<ReportAccepted> accepted;
    private final Event<ReportsCommitted> committed;
    private final PlannerStatistics statistics;
    /**
     * Writes on one replica queue here, in arrival order, before they take a connection: the
     * database row lock ({@link ReportRepository#nextVersion()}) orders them across replicas, and
     * this keeps a burst of writes from holding every pooled connection while they wait for it.
     */
    private final ReentrantLock writing = new ReentrantLock(true);

    public ReportService(ReportValidator validator, ReportRepository repository, ReportMapper mapper, StoredReports stored,
            Event<ReportAccepted> accepted, Event<ReportsCommitted> committed, PlannerStatistics statistics) {
        this.validator = validator;
        this.repository = repository;
        this.mapper = mapper;
        this.stored = stored;
        this.accepted = accepted;
        this.committed = committed;
        this.statistics = statistics;
    }

    /** POST: a new report, a new revision of an existing (source, externalId), or nothing when identical. */
    public Result submit(ReportRequest request, Origin origin) {
        return store(validator.validate(request, UnknownWeapons.REJECT), origin);
    }

    /** PUT: a new revision of the report with this id. */
    public Result revise(long id, ReportRequest request) {
        return store(validator.validate(request, UnknownWeapons.REJECT, existing(id)), Origin.API);
    }

    /** DELETE: the report leaves every aggregate; its history stays readable. */
    public StoredReport retract(long id) {
        StoredReport current = existing(id);
        if (!current.active()) {
            return current;
        }
        long version = queued(() -> QuarkusTransaction.requiringNew().call(() -> {
            long v = repository.nextVersion();
            Report report = repository.findByIdOptional(id).orElseThrow(() -> notFound(id));
            retract(report, v, now());
            return v;
        }));
        committed.fire(new ReportsCommitted(version, List.of()));
        return found(id);
    }

    /** The report with this id, from memory, or from the database when this replica has not caught up yet. */
    public Optional<StoredReport> find(long id) {
        Optional<StoredReport> inMemory = stored.find(id);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        return QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(id)
                .map(r -> mapper.toStored(r, repository.revisionsOf(id))));
    }

    /**
     * The active reports of the draft's source, period and date, and what storing the draft would do
     * to each ({@link FiledReport#onStore()}); nothing is written.
     */
    public List<FiledReport> filedFor(ReportDraft draft) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<FiledReport> out = new ArrayList<>();
            Current same = repository.current(draft.source().slug(), draft.externalId());
            if (same != null && same.active()) {
                Revision latest = found(same.id()).latest();
                out.add(filed(same.id(), latest, same.unchangedBy(draft) ? "unchanged" : "revises"));
            }
            List<SameNightRule.Filed> others = repository.activeOn(draft.source().slug(), draft.window().date(), draft.externalId())
                    .stream().map(mapper::toFiled).filter(f -> f.latest().period() == draft.window().period()).toList();
            List<SameNightRule.Filed> repeated = same == null || !same.active() ? SameNightRule.judge(draft, others).repeats()
                    : List.of();
            for (SameNightRule.Filed f : others) {
                out.add(filed(f.id(), f.latest(), repeated.contains(f) ? "refused" : "adds"));
            }
            return out;
        });
    }

    private static FiledReport filed(long id, Revision latest, String onStore) {
        return new FiledReport(id, latest.revision(), latest.url(), latest.window().start().iso(), latest.window().end().iso(), onStore);
    }

    /** Stores one validated draft, written by {@code origin}. */
    public Result store(ReportDraft draft, Origin origin) {
        Current before = QuarkusTransaction.requiringNew().call(() -> repository.current(draft.source().slug(), draft.externalId()));
        if (before != null && before.unchangedBy(draft)) {
            accepted.fire(new ReportAccepted(draft.source().slug(), Outcome.UNCHANGED));
            return new Result(Outcome.UNCHANGED, found(before.id()));
        }
        Written written = queued(() -> QuarkusTransaction.requiringNew().call(() -> {
            long version = repository.nextVersion();
            Current current = repository.current(draft.source().slug(), draft.externalId());
            ReportDraft checked = current == null || !current.active() ? sameNight(draft) : draft;
            Report report = apply(checked, origin, current, version, now());
            Outcome outcome = current == null ? Outcome.CREATED : current.unchangedBy(draft) ? Outcome.UNCHANGED : Outcome.REVISED;
            return new Written(report.id, version, outcome);
        }));
        accepted.fire(new ReportAccepted(draft.source().slug(), written.outcome()));
        committed.fire(new ReportsCommitted(written.version(), List.of()));
        return new Result(written.outcome(), found(written.id()));
    }

    /**
     * Stores many drafts in one transaction (all or nothing) and retracts the given reports; the
     * read model takes them in once, after the commit. Nothing is written (and the data version
     * stays) when no draft changes anything and nothing is to be retracted.
     *
     * @param retract          ids of reports to retract in the same transaction
     * @param externalIdPrefix every draft's external id starts with it (the stored state of the drafts' keys is read by it)
     * @param origin           the writer of every draft
     */
    public BatchResult storeAll(List<ReportDraft> drafts, Collection<Long> retract, String externalIdPrefix, Origin origin) {
        Batch batch = new Batch();
        BatchResult result;
        try {
            result = queued(() -> QuarkusTransaction.requiringNew().call(() -> write(drafts, retract, externalIdPrefix, origin, batch)));
        } catch (NothingToWrite nothing) {
            result = nothing.result;
        }
        for (int i = 0; i < drafts.size(); i++) {
            accepted.fire(new ReportAccepted(drafts.get(i).source().slug(), result.outcomes().get(i)));
        }
        if (!batch.wrote) {
            return result; // nothing written: no version taken, nothing for the read model
        }
        statistics.written(batch.created.size() + batch.revised.size());
        // the reports this batch created and the revisions it added are in memory: the read model need not read them back
        committed.fire(new ReportsCommitted(result.version(),
                batch.created.stream().map(r -> mapper.toStored(r, r.revisions)).toList(), batch.revised));
        return result;
    }

    /** What a batch wrote, for the read model once it has committed. */
    private static final class Batch {
        final List<Report> created = new ArrayList<>();
        final List<ReportsCommitted.Appended> revised = new ArrayList<>();
        boolean wrote;
    }

    /** A batch's transaction: under the version row's lock, the stored state of its keys, then its writes. */
    private BatchResult write(List<ReportDraft> drafts, Collection<Long> retract, String externalIdPrefix, Origin origin, Batch batch) {
        // the version row serialises the writers of every replica; the stored state is read once, after it
        long version = repository.nextVersion();
        Map<ReportKey, Current> current = repository.currentOf(drafts.stream().map(ReportKey::of).collect(Collectors.toSet()),
                externalIdPrefix);
        if (retract.isEmpty() && drafts.stream().allMatch(d -> unchanged(d, current))) {
            // nothing to write: the transaction is rolled back, and the version with it
            throw new NothingToWrite(new BatchResult(drafts.stream().map(d -> Outcome.UNCHANGED).toList(), 0, version - 1));
        }
        batch.wrote = true;
        Instant now = now();
        List<Outcome> outcomes = new ArrayList<>(drafts.size());
        List<Revised> revised = new ArrayList<>();
        for (ReportDraft d : drafts) {
            Current c = current.get(ReportKey.of(d));
            outcomes.add(c == null ? Outcome.CREATED : c.unchangedBy(d) ? Outcome.UNCHANGED : Outcome.REVISED);
            if (c == null) {
                batch.created.add(newReport(d, origin, version, now));
            } else if (!c.unchangedBy(d)) {
                revised.add(new Revised(c.id(), nextRevision(d, origin, c, now), d.source()));
            }
        }
        insertAll(batch.created);
        reviseAll(revised, version);
        revised.forEach(r -> batch.revised.add(new ReportsCommitted.Appended(r.reportId(), mapper.toRevision(r.revision(), r.source()))));
        int retracted = 0;
        for (Long id : retract) {
            Report report = repository.findById(id);
            if (report != null && Report.ACTIVE.equals(report.status)) {
                retract(report, version, now);
                retracted++;
            }
        }
        return new BatchResult(List.copyOf(outcomes), retracted, version);
    }

    /**
     * One night, one report ({@link SameNightRule}): a new report that repeats one already filed
     * another way is refused, pointing at that one; one that only overlaps another of its night is
     * stored with a warning saying both count.
     */
    private ReportDraft sameNight(ReportDraft draft) {
        List<SameNightRule.Filed> filed = repository.activeOn(draft.source().slug(), draft.window().date(), draft.externalId())
                .stream().map(mapper::toFiled).toList();
        SameNightRule.Verdict verdict = SameNightRule.judge(draft, filed);
        if (!verdict.repeats().isEmpty()) {
            SameNightRule.Filed other = verdict.repeats().get(0);
            throw new ConflictException("report " + other.id() + " of " + draft.source().slug() + " already covers the night "
                    + draft.window().date() + " (" + other.latest().window().start().local() + " to "
                    + other.latest().window().end().local() + ") with the same weapons and counts under another externalId; "
                    + "revise it with PUT /api/v1/reports/" + other.id() + " instead of filing it twice, or send "
                    + "\"additionalWave\": true if this is a separate wave of that night");
        }
        return draft.withWarnings(verdict.overlaps().stream().map(SameNightRule::overlapWarning).toList());
    }

    /** Now, to the microsecond PostgreSQL keeps, so a report read back equals the one written. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Runs a write transaction once the writes queued before it on this replica are done. */
    private <T> T queued(Supplier<T> write) {
        try {
            if (!writing.tryLock(QUEUE_SECONDS, TimeUnit.SECONDS)) {
                throw new UnavailableException(ProblemType.WRITE_QUEUE_FULL,
                        "too many writes are queued on this replica; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(ProblemType.WRITE_QUEUE_FULL, "interrupted while queued");
        }
        try {
            return write.get();
        } finally {
            writing.unlock();
        }
    }

    private static boolean unchanged(ReportDraft d, Map<ReportKey, Current> current) {
        Current c = current.get(ReportKey.of(d));
        return c != null && c.unchangedBy(d);
    }

    /** A new report holding the draft as its first revision, not yet stored. */
    private Report newReport(ReportDraft draft, Origin origin, long version, Instant now) {
        Report report = new Report();
        report.source = draft.source().slug();
        report.externalId = draft.externalId();
        report.status = Report.ACTIVE;
        report.currentRevision = 1;
        report.lastChange = version;
        report.createdAt = now;
        report.revisions.add(mapper.toRevision(report, 1, draft, origin, now));
        return report;
    }

    /** Thrown out of a batch's transaction that finds nothing to write, so that it rolls back; carries the answer. */
    private static final class NothingToWrite extends RuntimeException {
        private final transient BatchResult result;

        NothingToWrite(BatchResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** A new revision of the stored report with this id. */
    private record Revised(long reportId, ReportRevision revision, SourceInfo source) {
    }

    /** The draft as the next revision of a stored report, not yet stored; a retracted one is made active again by it. */
    private ReportRevision nextRevision(ReportDraft draft, Origin origin, Current current, Instant now) {
        Report report = repository.getEntityManager().getReference(Report.class, current.id());
        ReportRevision revision = mapper.toRevision(report, current.revision() + 1, draft, origin, now);
        revision.retractedBefore = current.retractedAt();
        return revision;
    }

    /**
     * Stores new revisions of stored reports as {@link #insertAll} stores new reports, then moves
     * the reports to their new revisions in a statement per 5,000: row by row through the persistence context
     * (a select, the inserts and an update per report, each a round trip) a revision file of the
     * hundredfold history took seconds (docs/performance.md#scale). Runs in the caller's transaction.
     */
    private void reviseAll(List<Revised> revised, long version) {
        if (revised.isEmpty()) {
            return;
        }
        List<ReportRevision> revisions = revised.stream().map(Revised::revision).toList();
        List<ReportLine> lines = new ArrayList<>(revisions.size() * 2);
        revisions.forEach(rev -> lines.addAll(rev.lines));
        Session current = repository.getEntityManager().unwrap(Session.class);
        BatchInserts.insert(current, List.of(), revisions, lines, BATCH);
        // each report moves on by exactly one revision (its number was read under the write lock): one
        // statement per chunk of ids instead of one per report
        List<Long> ids = revised.stream().map(Revised::reportId).toList();
        current.doWork(connection -> {
            for (int i = 0; i < ids.size(); i += BATCH * 10) {
                List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + BATCH * 10));
                try (PreparedStatement update = connection.prepareStatement("update report set current_revision = current_revision + 1, "
                        + "status = 'active', retracted_at = null, last_change = ? where id in ("
                        + BindMarks.of(chunk.size()) + ")")) {
                    update.setLong(1, version);
                    for (int j = 0; j < chunk.size(); j++) {
                        update.setLong(j + 2, chunk.get(j));
                    }
                    int updated = update.executeUpdate();
                    if (updated != chunk.size()) {
                        throw new IllegalStateException("moved " + updated + " of " + chunk.size() + " reports to their new revision");
                    }
                }
            }
        });
    }

    /**
     * Stores many new reports table by table in whole JDBC batches ({@link BatchInserts}), without the
     * persistence context's bookkeeping (the bulk of a whole-file import). Runs in the caller's transaction.
     */
    private void insertAll(List<Report> reports) {
        if (reports.isEmpty()) {
            return;
        }
        List<ReportRevision> revisions = new ArrayList<>(reports.size());
        List<ReportLine> lines = new ArrayList<>(reports.size() * 2);
        for (Report r : reports) {
            for (ReportRevision rev : r.revisions) {
                revisions.add(rev);
                lines.addAll(rev.lines);
            }
        }
        BatchInserts.insert(repository.getEntityManager().unwrap(Session.class), reports, revisions, lines, BATCH);
    }

    /**
     * Writes a draft as a new report or a new revision; does nothing when it is unchanged. A revision
     * of a retracted report makes it active again and keeps when it was retracted. Needs the write lock.
     */
    private Report apply(ReportDraft draft, Origin origin, Current current, long version, Instant now) {
        if (current == null) {
            Report report = newReport(draft, origin, version, now);
            repository.persist(report);
            return report;
        }
        Report report = repository.getEntityManager().getReference(Report.class, current.id());
        if (current.unchangedBy(draft)) {
            return report;
        }
        report = repository.findById(current.id());
        int number = report.currentRevision + 1;
        ReportRevision revision = mapper.toRevision(report, number, draft, origin, now);
        revision.retractedBefore = report.retractedAt;
        repository.getEntityManager().persist(revision);
        report.currentRevision = number;
        report.status = Report.ACTIVE;
        report.retractedAt = null;
        report.lastChange = version;
        return report;
    }

    private static void retract(Report report, long version, Instant now) {
        if (Report.ACTIVE.equals(report.status)) {
            report.status = Report.RETRACTED;
            report.retractedAt = now;
            report.lastChange = version;
        }
    }

    /** What one write did. */
    private record Written(long id, long version, Outcome outcome) {
    }

    private StoredReport existing(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no report with id " + id);
    }

    private StoredReport found(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("report " + id + " was written but cannot be read back"));
    }
}
