package org.airattack.stats.events;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.fixture;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.Pushing;
import org.airattack.stats.support.TestDb;
import org.airattack.stats.support.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Webhooks: signed POSTs of every night and correction, retried with backoff, logged per attempt for writers. */
@QuarkusTest
@TestProfile(Pushing.class)
class WebhookDeliveryTest {

    WebhookReceiver hooks;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        TestDb.reset();
        hooks.clear();
    }

    private List<WebhookReceiver.Delivery> await(Predicate<List<WebhookReceiver.Delivery>> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<WebhookReceiver.Delivery> received = hooks.received();
            if (condition.test(received)) {
                return received;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the receiver got " + hooks.received());
    }

    @Test
    void shouldRetryAFailingReceiverAndDeliverTheSameEventOnTheThirdAttempt() {
        hooks.answer(500, 500);
        Api.post("night-2025-05-24.json");
        List<WebhookReceiver.Delivery> received = await(r -> r.size() >= 3);
        assertEquals(List.of(500, 500, 200), received.stream().map(WebhookReceiver.Delivery::answered).toList());
        String id = received.get(0).eventId();
        assertTrue(received.stream().allMatch(d -> d.eventId().equals(id)), "every attempt names the same event: " + received);
        assertTrue(received.stream().allMatch(WebhookReceiver.Delivery::signed), "every attempt is signed over its raw body");
        assertTrue(received.stream().allMatch(d -> d.event().equals("night")));
        JsonPath body = JsonPath.from(received.get(2).body());
        assertEquals(Long.parseLong(id), body.getLong("id"));
        assertEquals(264, body.getInt("totals.launched"));
        assertEquals(received.get(2).timestamp(), String.valueOf(Instant.parse(body.getString("sentAt")).getEpochSecond()),
                "the timestamp header is the signed body's sentAt");
        Duration firstWait = Duration.between(received.get(0).at(), received.get(1).at());
        Duration secondWait = Duration.between(received.get(1).at(), received.get(2).at());
        assertTrue(firstWait.toMillis() >= 200 && secondWait.toMillis() >= 400, "backoff 0.2 s, then 0.4 s: " + firstWait + ", " + secondWait);

        given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).get("/api/v1/webhooks/deliveries").then().statusCode(200)
                .body("size()", is(3))
                .body("attempt", contains(3, 2, 1))
                .body("outcome", contains("delivered", "failed_retrying", "failed_retrying"))
                .body("statusCode", contains(200, 500, 500))
                .body("hook", everyItem(is("test")))
                .body("eventId", everyItem(is(Integer.parseInt(id))))
                .body("event", everyItem(is("night")))
                .body("[0].nextRetryAt", nullValue())
                .body("[1].nextRetryAt", notNullValue())
                .body("[1].error", is("HTTP 500"));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        hooks.answer(503, 503, 503, 503);
        Api.post("night-2025-05-24.json");
        await(r -> r.size() >= 4);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        JsonPath log;
        do {
            log = given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).get("/api/v1/webhooks/deliveries?hook=test&limit=1")
                    .then().statusCode(200).extract().jsonPath();
        } while (!"gave_up".equals(log.getString("[0].outcome")) && Instant.now().isBefore(deadline));
        assertEquals("gave_up", log.getString("[0].outcome"));
        assertEquals(4, log.getInt("[0].attempt"));
        assertEquals(4, hooks.received().size(), "airattack.events.webhook-attempts=4: no fifth attempt");
    }

    @Test
    void shouldSendCorrectionsButNoEventForAnUnchangedReport() {
        Api.post("night-2025-05-24.json");
        await(r -> r.size() == 1);
        Api.asWriter().body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(200);
        String corrected = fixture("night-2025-05-24.json").replace("\"shotDown\": 128", "\"shotDown\": 130");
        Api.asWriter().body(corrected).post("/api/v1/reports").then().statusCode(200);
        List<WebhookReceiver.Delivery> received = await(r -> r.size() >= 2);
        assertEquals(List.of("night", "correction"), received.stream().map(WebhookReceiver.Delivery::event).toList());
        assertEquals(136, JsonPath.from(received.get(1).body()).getInt("totals.shotDown"));
    }

    @Test
    void shouldShowTheDeliveryLogToWritersOnly() {
        given().get("/api/v1/webhooks/deliveries").then().statusCode(401);
        given().auth().preemptive().basic("test-reader", "test-reader-password").get("/api/v1/webhooks/deliveries").then()
                .statusCode(403);
        given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).get("/api/v1/webhooks/deliveries?limit=0").then()
                .statusCode(400).body("errors[0].field", is("limit"));
    }
}
