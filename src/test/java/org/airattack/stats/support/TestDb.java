package org.airattack.stats.support;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.airattack.stats.readmodel.ReadModel;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * Direct access to the test database (the one the application under test uses), for resetting it
 * between test classes and for counting rows behind the API's back.
 */
public final class TestDb {

    private TestDb() {
    }

    public static String url() {
        return System.getenv().getOrDefault("TEST_DB_URL", "jdbc:postgresql://localhost:5432/test");
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), System.getenv().getOrDefault("TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("TEST_DB_PASSWORD", ""));
    }

    /**
     * Deletes every report and sets the data version back to 0, then makes the application's read
     * model notice (it reloads when the version goes backwards, as after a restore): at once when the
     * application runs in this JVM ({@code @QuarkusTest}), else by waiting for its next poll
     * ({@code @QuarkusIntegrationTest}, the packaged application in its own process).
     */
    public static void reset() {
        // One transaction; the application's event recorder may hold the event tables at that moment,
        // and a deadlock between its locks and the truncation is retried.
        for (int attempt = 1;; attempt++) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("truncate report_line, report_revision, report");
                s.execute("update data_version set version = 0 where id = 1");
                s.execute("truncate webhook_attempt, webhook_delivery, night_event, night_figures");
                s.execute("update event_cursor set evented_version = 0, pruned_through = 0 where id = 1");
                c.commit();
                break;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw new IllegalStateException("cannot reset the test database at " + url(), e);
                }
                sleep(100L * attempt);
            }
        }
        ArcContainer arc = Arc.container();
        if (arc != null && arc.isRunning()) {
            arc.instance(ReadModel.class).get().refresh();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            int total = given().get("/api/v1/reports?size=1").then().statusCode(200).extract().path("total");
            long version = given().get("/api/v1/reports?size=1").then().extract().jsonPath().getLong("dataVersion");
            if (total == 0 && version == 0) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("the read model did not notice the reset within 10 s");
    }

    /** Forgets every post read from the channel and the follower's cursor and polls (the lease stays with its holder). */
    public static void resetChannel() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("truncate channel_post");
            s.execute("update channel_state set cursor_post_id = null, last_poll_at = null, last_success_at = null, last_error = null,"
                    + " last_error_at = null");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the channel's tables at " + url(), e);
        }
    }

    /**
     * A new, empty database on the test server (dropped first if a previous run left it), for a
     * test that runs its own service processes; returns its JDBC URL.
     */
    public static String freshDatabase(String name) {
        String url = url();
        String server = url.substring(0, url.lastIndexOf('/'));
        try (Connection c = DriverManager.getConnection(server + "/postgres", System.getenv().getOrDefault("TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("TEST_DB_PASSWORD", "")); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name + " next to " + url, e);
        }
        return server + "/" + name;
    }

    /**
     * Everything stored, as one fingerprint of every row of the report tables: equal before and after
     * a request means the request changed nothing.
     */
    public static String contents() {
        StringBuilder sb = new StringBuilder();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : new String[] { "report", "report_revision", "report_line", "data_version" }) {
                try (ResultSet rs = s.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "
                        + table + " t")) {
                    rs.next();
                    sb.append(table).append(' ').append(rs.getLong(1)).append(' ').append(rs.getString(2)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    /** Rows in a table. */
    public static long count(String table) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
