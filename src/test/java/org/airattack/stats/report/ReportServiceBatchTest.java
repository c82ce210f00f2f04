package org.airattack.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import jakarta.inject.Inject;

import org.airattack.stats.readmodel.ReadModel;
import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The batch write path of the importers is all or nothing, bulk inserts included. */
@QuarkusTest
class ReportServiceBatchTest {

    @Inject
    ReportService service;

    @Inject
    ReportValidator validator;

    @Inject
    ObjectMapper json;

    @Inject
    ReportRepository repository;

    @Inject
    ReportMapper mapper;

    @Inject
    ReadModel readModel;

    @Inject
    StoredReportReader reader;

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    private ReportDraft draft(String fixture, String externalId) throws Exception {
        return TestDrafts.of(validator, json, fixture, externalId);
    }

    @Test
    void shouldStoreNothingWhenOneReportOfABatchFails() throws Exception {
        Api.post("night-2025-05-23.json");
        long revisions = TestDb.count("report_revision");
        ReportDraft first = draft("night-2025-05-24.json", "batch:a");
        ReportDraft clash = draft("night-2025-05-24.json", "batch:a");
        ReportDraft other = draft("ru-mod-2025-05-23.json", "batch:b");

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> service.storeAll(List.of(first, other, clash), List.of(), "batch:", Origin.DATASET));
        assertEquals("23505", sqlState(failure), "the batch fails on the clashing key (unique_violation), not on anything else");

        assertEquals(1, TestDb.count("report"));
        assertEquals(revisions, TestDb.count("report_revision"));
        assertEquals(2, TestDb.count("report_line"));
        assertEquals(1, Api.reportCount());
    }

    /** The SQL state of the first SQLException in a failure's causes, or null. */
    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @Test
    void shouldStoreABatchOfNewAndRevisedReportsTogether() throws Exception {
        ReportService.BatchResult first = service.storeAll(List.of(draft("night-2025-05-24.json", "batch:a")), List.of(), "batch:", Origin.DATASET);
        assertEquals(List.of(ReportService.Outcome.CREATED), first.outcomes());
        ReportDraft revised = validator.validate(json.readValue(Api.fixture("night-2025-05-24.json")
                .replace("kpszsu/posts/pfbid0abc\",", "batch:a\",").replace("\"launched\": 250", "\"launched\": 251"),
                ReportRequest.class), ReportValidator.UnknownWeapons.REJECT);
        ReportService.BatchResult second = service.storeAll(List.of(revised, draft("ru-mod-2025-05-23.json", "batch:b")), List.of(),
                "batch:", Origin.DATASET);
        assertEquals(List.of(ReportService.Outcome.REVISED, ReportService.Outcome.CREATED), second.outcomes());
        assertEquals(2, TestDb.count("report"));
        assertEquals(3, TestDb.count("report_revision"));
    }

    @Test
    void shouldHoldInMemoryExactlyWhatTheDatabaseHoldsAfterABatch() throws Exception {
        ReportService.BatchResult result = service.storeAll(List.of(draft("night-2025-05-24.json", "batch:a"),
                draft("night-2025-05-23.json", "batch:b"), draft("ru-mod-2025-05-23.json", "batch:c")), List.of(), "batch:", Origin.DATASET);
        assertEquals(3, result.outcomes().size());
        for (StoredReport inMemory : readModel.snapshot().reportsNewestFirst()) {
            StoredReport readBack = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> mapper.toStored(
                    repository.findById(inMemory.id()), repository.revisionsOf(inMemory.id())));
            assertEquals(readBack, inMemory, "report " + inMemory.id() + " as kept in memory after the batch");
        }
        assertEquals(3, readModel.snapshot().reportsNewestFirst().size());
    }

    /**
     * Two batches, each a report of the same post and window under its own key: the read model holds
     * the second one's window, URL and date as the very objects of the first one's (a set of equal
     * values per batch kept one copy per batch: a history imported file by file took more memory
     * than the same history loaded at once).
     */
    @Test
    void shouldHoldTheValuesOfLaterBatchesAsTheObjectsOfEarlierOnes() throws Exception {
        service.storeAll(List.of(draft("night-2025-05-24.json", "batch:a")), List.of(), "batch:", Origin.DATASET);
        service.storeAll(List.of(draft("night-2025-05-24.json", "batch:b")), List.of(), "batch:", Origin.DATASET);
        Revision a = latest("batch:a");
        Revision b = latest("batch:b");
        assertEquals(a.window(), b.window());
        org.junit.jupiter.api.Assertions.assertSame(a.window(), b.window(), "the window, made by another batch");
        org.junit.jupiter.api.Assertions.assertSame(a.url(), b.url());
        org.junit.jupiter.api.Assertions.assertSame(a.date(), b.date());
        org.junit.jupiter.api.Assertions.assertSame(a.lines().get(0).spelling(), b.lines().get(0).spelling());
        org.junit.jupiter.api.Assertions.assertNotSame(a.recordedAt(), b.recordedAt(), "each batch its own moment");

        // a load of everything after the database went back starts the set again: a write after it holds the load's objects
        reader.forgetSharedValues();
        List<StoredReport> loaded = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> reader.changedSince(0, -1));
        assertEquals(2, loaded.size());
        org.junit.jupiter.api.Assertions.assertSame(loaded.get(0).latest().window(), loaded.get(1).latest().window());
        org.junit.jupiter.api.Assertions.assertNotSame(a.window(), loaded.get(0).latest().window(), "read anew, not kept from before");
        service.storeAll(List.of(draft("night-2025-05-24.json", "batch:c")), List.of(), "batch:", Origin.DATASET);
        org.junit.jupiter.api.Assertions.assertSame(loaded.get(0).latest().window(), latest("batch:c").window());
        org.junit.jupiter.api.Assertions.assertSame(loaded.get(0).latest().url(), latest("batch:c").url());
        for (StoredReport inMemory : readModel.snapshot().reportsNewestFirst()) {
            StoredReport readBack = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> mapper.toStored(
                    repository.findById(inMemory.id()), repository.revisionsOf(inMemory.id())));
            assertEquals(readBack, inMemory, "report " + inMemory.id() + " as kept in memory");
        }
    }

    private Revision latest(String externalId) {
        return readModel.snapshot().reportsNewestFirst().stream().filter(r -> r.externalId().equals(externalId)).findFirst()
                .orElseThrow().latest();
    }

    @Test
    void shouldReviseInABatchAReportRetractedBeforeAndHoldInMemoryWhatTheDatabaseHolds() throws Exception {
        service.storeAll(List.of(draft("night-2025-05-24.json", "batch:a"), draft("ru-mod-2025-05-23.json", "batch:b")),
                List.of(), "batch:", Origin.DATASET);
        long a = readModel.snapshot().reportsNewestFirst().stream().filter(r -> r.externalId().equals("batch:a"))
                .findFirst().orElseThrow().id();
        ReportService.BatchResult retraction = service.storeAll(List.of(), List.of(a), "batch:", Origin.DATASET);
        assertEquals(1, retraction.retracted());
        java.time.Instant retractedAt = readModel.snapshot().report(a).orElseThrow().retractedAt();
        org.junit.jupiter.api.Assertions.assertNotNull(retractedAt);

        ReportDraft revised = validator.validate(json.readValue(Api.fixture("night-2025-05-24.json")
                .replace("kpszsu/posts/pfbid0abc\",", "batch:a\",").replace("\"launched\": 250", "\"launched\": 251"),
                ReportRequest.class), ReportValidator.UnknownWeapons.REJECT);
        ReportService.BatchResult result = service.storeAll(List.of(revised, draft("ru-mod-2025-05-23.json", "batch:b")),
                List.of(), "batch:", Origin.DATASET);
        assertEquals(List.of(ReportService.Outcome.REVISED, ReportService.Outcome.UNCHANGED), result.outcomes());

        StoredReport back = readModel.snapshot().report(a).orElseThrow();
        assertEquals(true, back.active(), "a revision makes a retracted report active again");
        assertEquals(null, back.retractedAt());
        assertEquals(2, back.revisions().size());
        assertEquals(retractedAt, back.latest().retractedBefore(), "the revision keeps when the report had been retracted");
        assertEquals(result.version(), back.lastChange());
        assertEquals(251, back.latest().lines().get(0).launched());
        for (StoredReport inMemory : readModel.snapshot().reportsNewestFirst()) {
            StoredReport readBack = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> mapper.toStored(
                    repository.findById(inMemory.id()), repository.revisionsOf(inMemory.id())));
            assertEquals(readBack, inMemory, "report " + inMemory.id() + " as kept in memory after the batch");
        }
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            ReportRepository.Current current = repository.current("ua-air-force", "batch:a");
            assertEquals(2, current.revision());
            assertEquals(true, current.active());
        });
    }
}
