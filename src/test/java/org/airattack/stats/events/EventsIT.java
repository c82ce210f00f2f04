package org.airattack.stats.events;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.airattack.stats.support.ServiceProcess;
import org.airattack.stats.support.SseClient;
import org.airattack.stats.support.TestDb;
import org.airattack.stats.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Two replicas of the packaged service on one database: an SSE client of one gets the events of
 * writes on the other within 2 s, with the same ids on both, and a webhook both replicas know gets
 * each event once.
 */
class EventsIT {

    static final Duration IN_STEP = Duration.ofSeconds(2);

    private static RequestSpecification writerOn(ServiceProcess p) {
        return given().baseUri(p.baseUrl()).auth().preemptive().basic(ServiceProcess.WRITER, ServiceProcess.WRITER_PASSWORD)
                .contentType(ContentType.JSON);
    }

    @Test
    void shouldPushAWriteOnOneReplicaToTheEventStreamOfTheOtherWithinTwoSeconds() throws InterruptedException {
        String db = TestDb.freshDatabase("it_events_push");
        WebhookReceiver hooks = WebhookReceiver.start();
        Map<String, String> config = new HashMap<>(hooks.config());
        config.put("airattack.events.heartbeat", "PT2S");
        try (ServiceProcess a = ServiceProcess.start("events-a", db, config);
                ServiceProcess b = ServiceProcess.start("events-b", db, config);
                SseClient onA = SseClient.connect(a.baseUrl() + "/api/v1/events", Map.of())) {
            writerOn(b).body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(201);
            Instant written = Instant.now();
            SseClient.Received night = onA.next(Duration.ofSeconds(10));
            assertNotNull(night, "no event on replica A");
            Duration took = Duration.between(written, night.at());
            assertTrue(took.compareTo(IN_STEP) <= 0, "a night posted to B reached A's stream in " + took);
            assertEquals("night", night.event());
            assertEquals(264, night.json().getInt("totals.launched"));
            assertEquals(251, night.json().getInt("totals.neutralised"));

            String corrected = fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": 260");
            writerOn(b).body(corrected).post("/api/v1/reports").then().statusCode(200);
            Instant revised = Instant.now();
            SseClient.Received correction = onA.next(Duration.ofSeconds(10));
            assertNotNull(correction);
            took = Duration.between(revised, correction.at());
            assertTrue(took.compareTo(IN_STEP) <= 0, "a correction on B reached A's stream in " + took);
            assertEquals("correction", correction.event());
            assertEquals(274, correction.json().getInt("totals.launched"));

            try (SseClient onB = SseClient.connect(b.baseUrl() + "/api/v1/events", Map.of("Last-Event-ID", night.id()))) {
                SseClient.Received replayed = onB.next(Duration.ofSeconds(5));
                assertNotNull(replayed, "B replays what followed the id A gave");
                assertEquals(correction.id(), replayed.id(), "the same event has the same id on every replica");
                assertEquals(correction.data(), replayed.data());
            }

            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (hooks.received().size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            Thread.sleep(1500); // time for a second replica's duplicate, if the lease let one through
            Map<String, Long> perEvent = hooks.received().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Delivery::eventId, Collectors.counting()));
            assertEquals(Map.of(night.id(), 1L, correction.id(), 1L), perEvent, "each event is delivered once, by one replica");
            assertTrue(hooks.received().stream().allMatch(WebhookReceiver.Delivery::signed));
            assertEquals(List.of("night", "correction"), hooks.received().stream().map(WebhookReceiver.Delivery::event).toList());
        } finally {
            hooks.stop();
        }
    }
}
