package org.airattack.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * After a bulk write PostgreSQL analyses the report tables, so the next single write is planned with
 * statistics; the next analysis waits for the revisions table to have doubled.
 */
@QuarkusTest
@TestProfile(PlannerStatisticsTest.AfterThree.class)
class PlannerStatisticsTest {

    /** Three reports make a bulk write here. */
    public static class AfterThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("airattack.store.analyze-after-reports", "3");
        }
    }

    @Inject
    ReportService service;

    @Inject
    ReportValidator validator;

    @Inject
    ObjectMapper json;

    @Inject
    PlannerStatistics statistics;

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    private ReportDraft draft(String fixture, String externalId) throws Exception {
        return TestDrafts.of(validator, json, fixture, externalId);
    }

    @Test
    void shouldAnalyseTheReportTablesAfterABulkWriteOnceTheRevisionsHaveDoubled() throws Exception {
        long before = statistics.analysed();
        long analysesBefore = analyseCount();
        service.storeAll(List.of(draft("night-2025-05-24.json", "stats:a")), List.of(), "stats:", Origin.DATASET);
        Thread.sleep(300);
        assertEquals(before, statistics.analysed(), "one report is no bulk write");

        service.storeAll(List.of(draft("night-2025-05-23.json", "stats:b"), draft("ru-mod-2025-05-23.json", "stats:c"),
                draft("night-2025-05-26.json", "stats:d")), List.of(), "stats:", Origin.DATASET);
        long deadline = System.currentTimeMillis() + 10_000;
        while (statistics.analysed() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before + 1, statistics.analysed(), "three reports are: one analysis");
        while (analyseCount() == analysesBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(analyseCount() > analysesBefore, "PostgreSQL counts the analysis of report_revision");

        // the revisions table held 4 at that analysis: 3 more written are no doubling, 6 are
        service.storeAll(List.of(draft("night-2025-05-23.json", "stats:e"), draft("ru-mod-2025-05-23.json", "stats:f"),
                draft("night-2025-05-26.json", "stats:g")), List.of(), "stats:", Origin.DATASET);
        Thread.sleep(500);
        assertEquals(before + 1, statistics.analysed(), "3 revisions written since an analysis of 4: no analysis");
        service.storeAll(List.of(draft("night-2025-05-23.json", "stats:h"), draft("ru-mod-2025-05-23.json", "stats:i"),
                draft("night-2025-05-26.json", "stats:j")), List.of(), "stats:", Origin.DATASET);
        deadline = System.currentTimeMillis() + 10_000;
        while (statistics.analysed() == before + 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before + 2, statistics.analysed(), "6 revisions written since an analysis of 4: the table doubled, one analysis");
    }

    private static long analyseCount() throws Exception {
        try (Connection c = TestDb.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select analyze_count from pg_stat_user_tables where relname = 'report_revision'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
