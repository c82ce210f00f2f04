package org.airattack.stats.events;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.fixture;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.Pushing;
import org.airattack.stats.support.SseClient;
import org.airattack.stats.support.TestDb;
import org.airattack.stats.support.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** GET /api/v1/events: night and correction events with the night's figures, resume, heartbeats, filters, headers. */
@QuarkusTest
@TestProfile(Pushing.class)
class EventsTest {

    static final Duration SOON = Duration.ofSeconds(3);
    static final Duration QUIET = Duration.ofMillis(1500);

    WebhookReceiver hooks;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        TestDb.reset();
        hooks.clear();
    }

    static String url(String query) {
        return "http://localhost:" + RestAssured.port + "/api/v1/events" + query;
    }

    static SseClient connect(String query, Map<String, String> headers) {
        return SseClient.connect(url(query), headers);
    }

    @Test
    void shouldSendANightEventWithTheNightsFiguresWhenANightIsFirstPublished() {
        try (SseClient sse = connect("", Map.of())) {
            Api.post("night-2025-05-24.json");
            SseClient.Received e = sse.next(SOON);
            assertNotNull(e, "no event within " + SOON);
            assertEquals("night", e.event());
            JsonPath data = e.json();
            assertEquals(e.id(), String.valueOf(data.getLong("id")), "the SSE id is the event's id");
            assertEquals("ua-air-force", data.getString("source"));
            assertEquals("night", data.getString("period"));
            assertEquals("2025-05-24", data.getString("date"));
            assertEquals(264, data.getInt("totals.launched"));
            assertEquals(134, data.getInt("totals.shotDown"));
            assertEquals(251, data.getInt("totals.neutralised"));
            assertNull(data.get("totals.stillAirborne"), "unknown stays null, never 0");
            JsonPath night = given().get("/api/v1/nights/2025-05-24").then().statusCode(200).extract().jsonPath();
            assertEquals(night.getMap("totals"), data.getMap("totals"), "the figures are those /api/v1/nights/{date} reports");
            assertEquals(night.getLong("dataVersion"), data.getLong("dataVersion"));
        }
    }

    @Test
    void shouldSendACorrectionWhenTheFiguresChangeAndNothingForANoOpRepost() {
        try (SseClient sse = connect("", Map.of())) {
            Api.post("night-2025-05-24.json");
            assertEquals("night", sse.next(SOON).event());

            Api.asWriter().body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(200);
            assertNull(sse.next(QUIET), "an identical report again changes nothing: no event");

            String corrected = fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": 260");
            Api.asWriter().body(corrected).post("/api/v1/reports").then().statusCode(200);
            SseClient.Received e = sse.next(SOON);
            assertNotNull(e);
            assertEquals("correction", e.event());
            assertEquals(274, e.json().getInt("totals.launched"));
            assertEquals(264, e.json().getInt("previous.launched"));
        }
    }

    @Test
    void shouldMakeTheEventsOfAWriteWhoseReplicaDiedBeforeMakingThem() throws SQLException {
        Api.post("night-2025-05-24.json");
        awaitEvents(1);
        try (SseClient sse = connect("", Map.of()); Connection c = TestDb.connect(); Statement s = c.createStatement()) {
            // as if the writer had died between its commit and its events: the cursor behind, nothing announced
            c.setAutoCommit(false);
            s.execute("delete from night_event");
            s.execute("delete from night_figures");
            s.execute("update event_cursor set evented_version = 0 where id = 1");
            c.commit();
            SseClient.Received e = sse.next(SOON);
            assertNotNull(e, "the next look (once a second) finds the cursor behind, with no new write");
            assertEquals("night", e.event());
            assertEquals(264, e.json().getInt("totals.launched"));
        }
    }

    @Test
    void shouldSendACorrectionWithoutFiguresWhenTheNightsOnlyReportIsRetracted() {
        long id = Api.post("night-2025-05-24.json");
        try (SseClient sse = connect("?types=correction", Map.of())) {
            Api.asWriter().delete("/api/v1/reports/" + id).then().statusCode(204);
            SseClient.Received e = sse.next(SOON);
            assertNotNull(e);
            assertEquals("correction", e.event());
            assertTrue(e.json().getBoolean("removed"));
            assertNull(e.json().get("totals"));
            assertEquals(264, e.json().getInt("previous.launched"));
        }
    }

    @Test
    void shouldCorrectTheOldNightAndPublishTheNewOneWhenARevisionMovesAReportWeeksAway() {
        try (SseClient sse = connect("", Map.of())) {
            long id = Api.post("night-2025-05-24.json");
            assertEquals("night", sse.next(SOON).event());
            // the two nights lie 57 days apart: their announced figures are looked up by date, not as a range
            String moved = fixture("night-2025-05-24.json").replace("2025-05-23T20:30", "2025-07-19T20:30")
                    .replace("2025-05-24T08:30", "2025-07-20T08:30");
            Api.asWriter().body(moved).put("/api/v1/reports/" + id).then().statusCode(200);
            Map<String, SseClient.Received> byDate = new java.util.HashMap<>();
            for (int i = 0; i < 2; i++) {
                SseClient.Received e = sse.next(SOON);
                assertNotNull(e, "two events within " + SOON + ", got " + byDate.keySet());
                byDate.put(e.json().getString("date"), e);
            }
            SseClient.Received old = byDate.get("2025-05-24");
            assertEquals("correction", old.event());
            assertTrue(old.json().getBoolean("removed"));
            assertEquals(264, old.json().getInt("previous.launched"));
            SseClient.Received now = byDate.get("2025-07-20");
            assertNotNull(now, "an event of the new night, got " + byDate.keySet() + " " + byDate.values().stream().map(e -> e.event()).toList());
            assertEquals("night", now.event());
            assertEquals(264, now.json().getInt("totals.launched"));
            assertNull(sse.next(QUIET), "nothing more");
        }
    }

    @Test
    void shouldSummariseAnImportOfManyNightsInOneBulkEventPerSource() {
        try (SseClient sse = connect("", Map.of())) {
            Api.asWriter().contentType("text/csv").body(Api.resource("piterfm/edition-2025-05.csv")).post("/api/v1/imports/piterfm")
                    .then().statusCode(200);
            List<SseClient.Received> got = new ArrayList<>();
            for (SseClient.Received e = sse.next(SOON); e != null; e = sse.next(QUIET)) {
                got.add(e);
            }
            assertTrue(got.stream().allMatch(e -> e.event().equals("bulk")), "no event per night past the threshold: " + got);
            List<String> sources = got.stream().map(e -> e.json().getString("source")).toList();
            assertEquals(sources.stream().distinct().count(), sources.size(), "one bulk event per source: " + sources);
            JsonPath national = got.stream().map(SseClient.Received::json).filter(j -> j.getString("source").equals("ua-air-force"))
                    .findFirst().orElseThrow();
            assertThat(got.stream().mapToInt(e -> e.json().getInt("nights")).sum(), greaterThanOrEqualTo(4));
            assertEquals(0, national.getInt("corrections"));
            assertNotNull(national.getString("from"));
            assertNotNull(national.getString("to"));
        }
    }

    /** A dataset file of {@code nights} national nights from 1 March 2025, {@code launched} drones each. */
    private static String nightsCsv(int nights, int launched) {
        StringBuilder csv = new StringBuilder("time_start,time_end,model,launch_place,target,launched,destroyed,source\n");
        for (int i = 0; i < nights; i++) {
            java.time.LocalDate day = java.time.LocalDate.of(2025, 3, 1).plusDays(i);
            csv.append(day).append(" 19:00,").append(day.plusDays(1)).append(" 09:00,Shahed-136/131,,Ukraine,")
                    .append(launched).append(".0,").append(launched - 10).append(".0,kpszsu/posts/pfbidbulk").append(i).append('\n');
        }
        return csv.toString();
    }

    @Test
    void shouldCountTheCorrectionsOfARevisedImportOfManyNights() {
        try (SseClient sse = connect("?source=ua-air-force", Map.of())) {
            Api.asWriter().contentType("text/csv").body(nightsCsv(30, 100)).post("/api/v1/imports/piterfm").then().statusCode(200);
            SseClient.Received first = sse.next(SOON);
            assertNotNull(first);
            assertEquals(30, first.json().getInt("nights"), "the first import publishes the nights: " + first.json().prettify());
            Api.asWriter().contentType("text/csv").body(nightsCsv(30, 120)).post("/api/v1/imports/piterfm").then().statusCode(200)
                    .body("reports.revised", org.hamcrest.Matchers.is(30));
            SseClient.Received e = sse.next(SOON);
            assertNotNull(e);
            assertEquals("bulk", e.event());
            assertEquals(30, e.json().getInt("corrections"), "every night was announced before: " + e.json().prettify());
            assertEquals(0, e.json().getInt("nights"));
            assertEquals("2025-03-02", e.json().getString("from"));
            assertEquals("2025-03-31", e.json().getString("to"));
        }
    }

    @jakarta.inject.Inject
    EventRecorder recorder;

    @jakarta.inject.Inject
    org.airattack.stats.series.NightService nights;

    @jakarta.inject.Inject
    org.airattack.stats.catalog.Catalog catalog;

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Test
    void shouldAnnounceTheSameFiguresTextAsTheWholeNightsAnswerGives() {
        Api.post("night-2025-05-24.json");
        Api.asWriter().contentType("text/csv").body(Api.resource("piterfm/edition-2025-05.csv")).post("/api/v1/imports/piterfm")
                .then().statusCode(200);
        for (String date : List.of("2025-05-24", "2025-03-06", "2025-02-01")) {
            org.airattack.stats.series.NightResponse night = nights.night(catalog.source("ua-air-force").orElseThrow(),
                    org.airattack.stats.readmodel.PeriodFilter.NIGHT, java.time.LocalDate.parse(date)).orElseThrow();
            // figures stored before this change were cut from the whole answer: the text must not change
            com.fasterxml.jackson.databind.node.ObjectNode all = json.valueToTree(night);
            com.fasterxml.jackson.databind.node.ObjectNode cut = json.createObjectNode();
            for (String field : List.of("totals", "categories", "weapons", "flags")) {
                cut.set(field, all.get(field));
            }
            assertEquals(cut.toString(), recorder.figures(night), date);
        }
    }

    @Test
    void shouldReplayTheEventsMissedSinceLastEventId() {
        String first;
        try (SseClient sse = connect("", Map.of())) {
            Api.post("night-2025-05-23.json");
            first = sse.next(SOON).id();
        }
        Api.post("night-2025-05-24.json");
        Api.post("ru-mod-2025-05-23.json");
        awaitEvents(3);
        try (SseClient resumed = connect("", Map.of("Last-Event-ID", first))) {
            SseClient.Received a = resumed.next(SOON);
            SseClient.Received b = resumed.next(SOON);
            assertEquals("2025-05-24", a.json().getString("date"));
            assertEquals("ru-mod", b.json().getString("source"));
            assertTrue(Long.parseLong(a.id()) > Long.parseLong(first) && Long.parseLong(b.id()) > Long.parseLong(a.id()));
            assertNull(resumed.next(QUIET), "nothing is replayed twice");
        }
        try (SseClient filtered = connect("?source=ru-mod&lastEventId=" + first, Map.of())) {
            assertEquals("ru-mod", filtered.next(SOON).json().getString("source"), "the filter applies to the replay too");
        }
    }

    @Test
    void shouldSayResetWhenLastEventIdIsOlderThanTheEventsKept() throws SQLException {
        Api.post("night-2025-05-23.json");
        long newest = awaitEvents(1);
        try (Connection c = TestDb.connect(); Statement s = c.createStatement()) {
            s.execute("update event_cursor set pruned_through = " + newest + " where id = 1");
        }
        try (SseClient sse = connect("", Map.of("Last-Event-ID", String.valueOf(newest - 1)))) {
            SseClient.Received e = sse.next(SOON);
            assertNotNull(e);
            assertEquals("reset", e.event());
            assertEquals(newest - 1, e.json().getLong("lastEventId"));
            assertNull(e.id(), "a reset moves no client's Last-Event-ID");
        }
    }

    @Test
    void shouldSendOnlyTheKindsAndSourceAsked() {
        try (SseClient sse = connect("?source=ru-mod&types=night", Map.of())) {
            Api.post("night-2025-05-24.json");
            Api.post("ru-mod-2025-05-23.json");
            SseClient.Received e = sse.next(SOON);
            assertEquals("ru-mod", e.json().getString("source"));
            assertNull(sse.next(QUIET));
        }
    }

    @Test
    void shouldSendAHeartbeatWhileNothingHappens() throws InterruptedException {
        try (SseClient sse = connect("", Map.of())) {
            Thread.sleep(3500);
            // the greeting, then one a second (airattack.events.heartbeat=PT1S in this profile)
            assertThat(sse.comments().size(), greaterThanOrEqualTo(3));
            assertEquals("2000", sse.retry(), "EventSource is told to reconnect after 2 s");
        }
    }

    @Test
    void shouldStreamUncachedUncompressedAndCrossOrigin() {
        try (SseClient sse = connect("", Map.of("Accept-Encoding", "gzip", "Origin", "https://news.example.org"))) {
            var h = sse.response().headers();
            assertEquals(200, sse.response().statusCode());
            assertThat(h.firstValue("Content-Type").orElse(""), containsString("text/event-stream"));
            assertEquals("no-store", h.firstValue("Cache-Control").orElse(null));
            assertEquals("no", h.firstValue("X-Accel-Buffering").orElse(null));
            assertTrue(h.firstValue("Content-Encoding").filter(v -> v.contains("gzip")).isEmpty(), "never compressed");
            assertEquals("*", h.firstValue("Access-Control-Allow-Origin").orElse(null));
            assertTrue(h.firstValue("ETag").isEmpty(), "never kept as a read answer");
        }
    }

    @Test
    void shouldRefuseUnknownKindsSourcesAndIds() {
        given().accept("text/event-stream").get("/api/v1/events?types=night,bogus").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("types"));
        given().accept("text/event-stream").get("/api/v1/events?source=nowhere").then().statusCode(400)
                .body("errors[0].field", is("source"));
        given().accept("text/event-stream").header("Last-Event-ID", "abc").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", is("Last-Event-ID"));
    }

    @Test
    void shouldRefuseAStreamBeyondTheLimitAndFreeTheSlotOfAClientThatLeft() throws InterruptedException {
        List<SseClient> open = new ArrayList<>();
        try {
            SseClient refused = null;
            for (int i = 0; i < 6 && refused == null; i++) {
                SseClient c = connect("", Map.of());
                if (c.response().statusCode() == 503) {
                    refused = c;
                } else {
                    open.add(c);
                }
            }
            assertNotNull(refused, "airattack.events.max-subscribers=4: the fifth stream is refused");
            assertThat(open.size(), org.hamcrest.Matchers.lessThanOrEqualTo(4));
            assertThat(refused.response().headers().firstValue("Content-Type").orElse(""), containsString("application/problem+json"));
            refused.close();
            open.remove(0).close();
            // the server notices a client that left at the next write to it: a heartbeat, within a second here
            long deadline = System.currentTimeMillis() + 5000;
            int status = 503;
            while (status == 503 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                SseClient again = connect("", Map.of());
                status = again.response().statusCode();
                if (status == 200) {
                    open.add(again);
                } else {
                    again.close();
                }
            }
            assertEquals(200, status, "a client that left frees its slot");
        } finally {
            open.forEach(SseClient::close);
        }
    }

    /** Waits until this many events are stored; returns the newest id. */
    static long awaitEvents(int count) {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            if (TestDb.count("night_event") >= count) {
                try (Connection c = TestDb.connect(); Statement s = c.createStatement();
                        var rs = s.executeQuery("select max(id) from night_event")) {
                    rs.next();
                    return rs.getLong(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("fewer than " + count + " events stored within 5 s");
    }
}
