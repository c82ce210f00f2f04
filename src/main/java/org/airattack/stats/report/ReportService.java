package org.airattack.stats.report;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.airattack.stats.report.ReportValidator.UnknownWeapons;
import org.airattack.stats.series.ReadModel;
import org.airattack.stats.web.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Ingest, revision and retraction of reports. Every write commits before it answers, and the read
 * model has taken it in before the answer leaves, so a client reads what it just wrote. Every
 * accepted write, whoever calls, is announced as a {@link ReportAccepted} event.
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

    private final ReportValidator validator;
    private final ReportRepository repository;
    private final ReportMapper mapper;
    private final ReadModel readModel;
    private final Event<ReportAccepted> accepted;

    public ReportService(ReportValidator validator, ReportRepository repository, ReportMapper mapper, ReadModel readModel,
            Event<ReportAccepted> accepted) {
        this.validator = validator;
        this.repository = repository;
        this.mapper = mapper;
        this.readModel = readModel;
        this.accepted = accepted;
    }

    /** POST: a new report, a new revision of an existing (source, externalId), or nothing when identical. */
    public Result submit(ReportRequest request) {
        ReportDraft draft = validator.validate(request, UnknownWeapons.REJECT);
        return store(draft);
    }

    /** PUT: a new revision of the report with this id. */
    public Result revise(long id, ReportRequest request) {
        StoredReport existing = find(id).orElseThrow(() -> ApiException.notFound("no report with id " + id));
        ReportDraft draft = validator.validate(request, UnknownWeapons.REJECT, existing);
        return store(draft);
    }

    /** DELETE: the report leaves every aggregate; its history stays readable. */
    public StoredReport retract(long id) {
        StoredReport current = find(id).orElseThrow(() -> ApiException.notFound("no report with id " + id));
        if (!current.active()) {
            return current;
        }
        StoredReport result = QuarkusTransaction.requiringNew().call(() -> {
            long version = repository.nextVersion();
            Report report = repository.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("no report with id " + id));
            if (Report.ACTIVE.equals(report.status)) {
                report.status = Report.RETRACTED;
                report.retractedAt = Instant.now();
                report.lastChange = version;
            }
            return mapper.toStored(report, report.revisions);
        });
        readModel.refresh();
        return result;
    }

    /** The report with this id, from memory, or from the database when this replica has not caught up yet. */
    public Optional<StoredReport> find(long id) {
        Optional<StoredReport> inMemory = readModel.snapshot().report(id);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        return QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(id)
                .map(r -> mapper.toStored(r, repository.revisionsOf(id))));
    }

    /** Stores a validated draft; used by the JSON API and the importers alike. */
    public Result store(ReportDraft draft) {
        Result unchanged = QuarkusTransaction.requiringNew().call(() -> unchangedOrNull(draft));
        if (unchanged != null) {
            accepted.fire(new ReportAccepted(draft.source().slug(), Outcome.UNCHANGED));
            return unchanged;
        }
        Result result = QuarkusTransaction.requiringNew().call(() -> write(draft, repository.nextVersion(), Instant.now()));
        readModel.refresh();
        return result;
    }

    /**
     * Writes one draft inside the caller's transaction, which must already hold the write lock
     * ({@link ReportRepository#nextVersion()}); importers call this once per report of a file.
     */
    public Result write(ReportDraft draft, long version, Instant now) {
        Result result = writeDraft(draft, version, now);
        accepted.fire(new ReportAccepted(draft.source().slug(), result.outcome()));
        return result;
    }

    private Result writeDraft(ReportDraft draft, long version, Instant now) {
        Optional<Report> found = repository.findBySourceAndExternalId(draft.source().slug(), draft.externalId());
        if (found.isEmpty()) {
            Report report = new Report();
            report.source = draft.source().slug();
            report.externalId = draft.externalId();
            report.status = Report.ACTIVE;
            report.currentRevision = 1;
            report.lastChange = version;
            report.createdAt = now;
            report.revisions.add(mapper.toRevision(report, 1, draft, now));
            repository.persist(report);
            return new Result(Outcome.CREATED, mapper.toStored(report, report.revisions));
        }
        Report report = found.get();
        ReportRevision latest = report.revisions.get(report.revisions.size() - 1);
        if (Report.ACTIVE.equals(report.status) && latest.contentHash.equals(draft.contentHash())) {
            return new Result(Outcome.UNCHANGED, mapper.toStored(report, report.revisions));
        }
        int number = report.currentRevision + 1;
        report.revisions.add(mapper.toRevision(report, number, draft, now));
        report.currentRevision = number;
        report.status = Report.ACTIVE;
        report.retractedAt = null;
        report.lastChange = version;
        repository.persist(report);
        return new Result(Outcome.REVISED, mapper.toStored(report, report.revisions));
    }

    private Result unchangedOrNull(ReportDraft draft) {
        Optional<Report> found = repository.findBySourceAndExternalId(draft.source().slug(), draft.externalId());
        if (found.isEmpty() || !Report.ACTIVE.equals(found.get().status)) {
            return null;
        }
        Report report = found.get();
        ReportRevision latest = report.revisions.get(report.revisions.size() - 1);
        return latest.contentHash.equals(draft.contentHash())
                ? new Result(Outcome.UNCHANGED, mapper.toStored(report, report.revisions))
                : null;
    }
}
