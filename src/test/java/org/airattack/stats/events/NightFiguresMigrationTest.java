package org.airattack.stats.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.airattack.stats.common.Sha256;
import org.airattack.stats.support.TestDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The migration that keeps a night's announced figures as a digest and totals (db/postgresql/V10)
 * turns the figures stored before it into exactly what the service computes now: the digest the
 * recorder compares a night's new figures with (else every night of an upgraded store would look
 * corrected at its next write, or never), and the totals a correction quotes. Runs the real
 * migrations on PostgreSQL, in a schema of its own.
 */
class NightFiguresMigrationTest {

    private static final String SCHEMA = "migration_v10_check";

    private Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(TestDb.url(), System.getenv().getOrDefault("TEST_DB_USER", "postgres"),
                        System.getenv().getOrDefault("TEST_DB_PASSWORD", ""))
                .schemas(SCHEMA).locations("classpath:db/migration", "classpath:db/postgresql").cleanDisabled(false);
        return (target == null ? config : config.target(target)).load();
    }

    @AfterEach
    void dropSchema() {
        flyway(null).clean();
    }

    @Test
    void shouldKeepTheDigestAndTotalsTheRecorderComputesOfTheFiguresStoredBefore() throws Exception {
        flyway("9").migrate();
        ObjectMapper json = new ObjectMapper();
        // figures as the recorder wrote them before: totals, categories, weapons and flags, compact
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("2025-05-24", "{\"totals\":{\"launched\":298,\"shotDown\":266,\"suppressed\":null,\"neutralised\":266,"
                + "\"partial\":false},\"categories\":[{\"category\":\"drone\",\"launched\":250}],\"weapons\":[],"
                + "\"flags\":{\"partial\":false,\"withheld\":[],\"overlap\":false}}");
        figures.put("2025-05-25", "{\"totals\":{\"launched\":367,\"shotDown\":null,\"suppressed\":null,\"neutralised\":null,"
                + "\"partial\":true},\"categories\":[],\"weapons\":[{\"weapon\":\"Іскандер-М\",\"launched\":9}],"
                + "\"flags\":{\"partial\":true,\"withheld\":[\"Kh-101\"],\"overlap\":true}}");
        try (Connection c = TestDb.connect();
                PreparedStatement insert = c.prepareStatement("insert into " + SCHEMA + ".night_figures (source, period, night_date, "
                        + "figures) values ('ua-air-force', 'night', ?::date, ?)")) {
            for (Map.Entry<String, String> f : figures.entrySet()) {
                insert.setString(1, f.getKey());
                insert.setString(2, f.getValue());
                insert.executeUpdate();
            }
        }

        flyway(null).migrate();

        try (Connection c = TestDb.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select night_date, digest, totals from " + SCHEMA + ".night_figures order by night_date")) {
            int rows = 0;
            while (rs.next()) {
                String before = figures.get(rs.getString(1));
                assertEquals(Sha256.hex(before), rs.getString(2), "the digest of " + rs.getString(1));
                assertEquals(json.readTree(before).get("totals").toString(), rs.getString(3), "the totals of " + rs.getString(1));
                rows++;
            }
            assertEquals(2, rows);
        }
        try (Connection c = TestDb.connect(); ResultSet rs = c.getMetaData().getColumns(null, SCHEMA, "night_figures", "figures")) {
            assertFalse(rs.next(), "the figures column is gone");
        }
    }
}
