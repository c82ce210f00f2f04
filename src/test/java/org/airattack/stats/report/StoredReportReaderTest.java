package org.airattack.stats.report;

import static org.airattack.stats.support.Api.asWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The read model's JDBC reader against PostgreSQL: it must give exactly what mapping the stored
 * entities gives, for every kind of history, and leave out what the writer already holds.
 */
@QuarkusTest
class StoredReportReaderTest {

    @Inject
    StoredReportReader reader;

    @Inject
    ReportRepository repository;

    @Inject
    ReportMapper mapper;

    @Inject
    StoredReports stored;

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    @Test
    void shouldReadWhatTheEntitiesHoldForEveryKindOfHistory() {
        long revised = Api.post("night-2025-05-24.json");
        Api.post("night-2025-05-23.json");
        Api.post("ru-mod-2025-05-23.json");
        asWriter().contentType("text/csv").body(Api.resource("piterfm/edition-2025-05.csv"))
                .post("/api/v1/imports/piterfm").then().statusCode(200);
        asWriter().body(Api.fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": 251"))
                .put("/api/v1/reports/" + revised).then().statusCode(200);
        // a date-only window, a withheld line, countries flown on into, a launch place and a warning
        long odd = asWriter().body("""
                {"source": "ua-air-force", "externalId": "reader/odd", "target": "Kharkiv oblast",
                 "windowStart": "2025-06-01", "windowEnd": "2025-06-02", "url": "https://t.me/kpszsu/1",
                 "lines": [{"weapon": "Shahed-136/131", "launchPlace": "Kursk oblast", "launched": 40, "shotDown": 20,
                            "suppressed": 15, "leftAirspace": {"belarus": 2, "moldova": 1}, "stillAirborne": 3},
                           {"weapon": "Kh-101/Kh-555", "withheld": true},
                           {"weapon": "Kalibr", "launched": 2, "shotDown": 3}]}""")
                .post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        asWriter().delete("/api/v1/reports/" + odd).then().statusCode(204);
        // revised after the retraction: active again, remembering when it was retracted
        long back = asWriter().body("""
                {"source": "ua-air-force", "externalId": "reader/odd", "target": "Kharkiv oblast",
                 "windowStart": "2025-06-01T20:00", "windowEnd": "2025-06-02T07:00",
                 "lines": [{"weapon": "Shahed-136/131", "launched": 41, "shotDown": 20}]}""")
                .put("/api/v1/reports/" + odd).then().statusCode(200).extract().jsonPath().getLong("id");
        assertEquals(odd, back);

        List<StoredReport> read = QuarkusTransaction.requiringNew().call(() -> reader.changedSince(-1, -1));
        List<StoredReport> mapped = QuarkusTransaction.requiringNew().call(() -> repository.listAll().stream()
                .sorted(java.util.Comparator.comparing(r -> r.id))
                .map(r -> mapper.toStored(r, repository.revisionsOf(r.id))).toList());
        assertEquals(TestDb.count("report"), read.size());
        assertEquals(mapped, read);

        StoredReport reactivated = read.stream().filter(r -> r.id() == odd).findFirst().orElseThrow();
        assertEquals(2, reactivated.revisions().size());
        assertNotNull(reactivated.latest().retractedBefore(), "the revision after the retraction remembers it");
        Revision first = reactivated.revisions().get(0);
        assertTrue(first.window().start().dateOnly());
        assertEquals(3, first.lines().size());
        assertEquals(2, first.lines().get(0).leftAirspace().get("belarus"));
        assertTrue(first.lines().get(1).withheld());
        assertTrue(first.warnings().size() > 0, "the implausible count's warning is read back");
        // equal values of one read are one object: the lines of one post share its URL
        java.util.Map<String, List<StoredReport>> byUrl = read.stream().filter(r -> r.latest().url() != null)
                .collect(java.util.stream.Collectors.groupingBy(r -> r.latest().url()));
        List<StoredReport> onePost = byUrl.values().stream().filter(l -> l.size() > 1).findFirst().orElseThrow();
        assertSame(onePost.get(0).latest().url(), onePost.get(1).latest().url());
        assertEquals(2, read.stream().filter(r -> r.id() == revised).findFirst().orElseThrow().revisions().size());
    }

    @Test
    void shouldGiveTheImporterTheReportsFiledAnotherWayFromMemoryAsTheDatabaseDoes() {
        Api.post("night-2025-05-24.json");
        long retracted = Api.post("night-2025-05-23.json");
        Api.post("ru-mod-2025-05-23.json");
        asWriter().delete("/api/v1/reports/" + retracted).then().statusCode(204);
        asWriter().contentType("text/csv").body(Api.resource("piterfm/edition-2025-05.csv"))
                .post("/api/v1/imports/piterfm?onMissing=keep").then().statusCode(200);
        String prefix = org.airattack.stats.report.piterfm.PiterfmCsvImporter.EXTERNAL_ID_PREFIX;
        long version = QuarkusTransaction.requiringNew().call(() -> repository.currentVersion());

        List<SameNightRule.Filed> fromDatabase = QuarkusTransaction.requiringNew().call(() -> repository.activeOutside(prefix).stream()
                .map(mapper::toFiled).sorted(java.util.Comparator.comparingLong(SameNightRule.Filed::id)).toList());
        List<SameNightRule.Filed> fromMemory = stored.activeOutside(prefix, version).orElseThrow().stream()
                .map(SameNightRule.Filed::of)
                .sorted(java.util.Comparator.comparingLong(SameNightRule.Filed::id)).toList();
        assertEquals(2, fromDatabase.size(), "two reports filed through the API are active, one was retracted");
        assertEquals(fromDatabase, fromMemory);
        assertTrue(stored.activeOutside(prefix, version - 1).isEmpty(), "a replica that holds another version answers nothing");
    }

    @Test
    void shouldReadOnlyWhatChangedAndLeaveOutWhatTheWriterCreated() {
        Api.post("night-2025-05-24.json");
        Api.post("night-2025-05-23.json");
        long version = QuarkusTransaction.requiringNew().call(repository::currentVersion);

        List<StoredReport> changed = QuarkusTransaction.requiringNew().call(() -> reader.changedSince(version - 1, -1));
        assertEquals(1, changed.size());
        assertEquals("2025-05-23", changed.get(0).latest().date().toString());
        assertEquals(2, changed.get(0).latest().lines().size());
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> reader.changedSince(version - 2, -1)).size());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> reader.changedSince(version - 2, version - 1)).size(),
                "the report the write at that version created is left out");
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> reader.changedSince(version, -1)));
    }
}
