package org.airattack.stats.resilience;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Concurrent writes end in one consistent history: no lost update, no duplicate revision, no duplicate report. */
@QuarkusTest
class ConcurrencyTest {

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    private static <T> List<T> all(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldKeepOneConsistentHistoryUnderFiftyConcurrentRevisions() throws Exception {
        long id = Api.post("night-2025-05-24.json");
        String base = Api.fixture("night-2025-05-24.json");
        List<Callable<Integer>> revisions = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String body = base.replace("\"launched\": 250", "\"launched\": " + (1000 + i));
            revisions.add(() -> Api.asWriter().body(body).post("/api/v1/reports").then().extract().statusCode());
        }
        List<Integer> statuses = all(50, revisions);
        assertTrue(statuses.stream().allMatch(s -> s == 200), "statuses: " + statuses);

        List<Integer> numbers = given().get("/api/v1/reports/" + id + "/revisions").then().statusCode(200).extract().path("revision");
        assertEquals(51, numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(i + 1, numbers.get(i), "revision numbers run 1..51 without gaps or duplicates");
        }
        List<Integer> launched = given().get("/api/v1/reports/" + id + "/revisions").then().extract().path("collect { it.lines[0].launched }");
        Set<Integer> distinct = new HashSet<>(launched.subList(1, launched.size()));
        assertEquals(50, distinct.size(), "every one of the 50 revisions is kept: no lost update");
        int latest = given().get("/api/v1/reports/" + id).then().extract().path("lines[0].launched");
        assertEquals(launched.get(launched.size() - 1), latest);
        given().get("/api/v1/nights/2025-05-24").then().body("totals.launched", org.hamcrest.Matchers.is(latest + 14));
    }

    @Test
    void shouldCreateOneReportWhenTheSameReportArrivesConcurrently() throws Exception {
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(() -> Api.asWriter().body(Api.fixture("night-2025-05-24.json")).post("/api/v1/reports").then().extract()
                    .statusCode());
        }
        List<Integer> statuses = all(20, posts);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
        assertEquals(19, statuses.stream().filter(s -> s == 200).count(), "statuses: " + statuses);
        assertEquals(1, TestDb.count("report"));
        assertEquals(1, TestDb.count("report_revision"));
    }

    @Test
    void shouldNotDuplicateAnythingWhenTheSameFileIsImportedConcurrently() throws Exception {
        String csv;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("piterfm/edition-2026-06.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Callable<Integer>> imports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            imports.add(() -> Api.asWriter().contentType("text/csv").body(csv).post("/api/v1/imports/piterfm").then()
                    .statusCode(200).extract().path("reports.created"));
        }
        List<Integer> created = all(5, imports);
        assertEquals(12, created.stream().mapToInt(Integer::intValue).sum(), "created per import: " + created);
        assertEquals(12, TestDb.count("report"));
        assertEquals(12, TestDb.count("report_revision"));
        assertEquals(26, TestDb.count("report_line"));
    }
}
