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

/** After a bulk write PostgreSQL analyses the report tables, so the next single write is planned with statistics. */
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
    void shouldAnalyseTheReportTablesAfterABulkWriteOnly() throws Exception {
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
    }

    private static long analyseCount() throws Exception {
        try (Connection c = TestDb.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select analyze_count from pg_stat_user_tables where relname = 'report_revision'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
