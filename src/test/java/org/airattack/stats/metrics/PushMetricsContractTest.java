package org.airattack.stats.metrics;

import static org.airattack.stats.metrics.MetricsContractTest.counter;
import static org.airattack.stats.metrics.MetricsContractTest.exposition;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.Pushing;
import org.airattack.stats.support.TestDb;
import org.airattack.stats.support.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The push's counters in the Prometheus exposition: events made by kind, webhook attempts by hook and outcome. */
@QuarkusTest
@TestProfile(Pushing.class)
class PushMetricsContractTest {

    static final String DELIVERIES = "airattack_webhook_deliveries_total";
    static final String EVENTS = "airattack_events_published_total";

    WebhookReceiver hooks;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        TestDb.reset();
        hooks.clear();
    }

    @Test
    void shouldCountEventsByKindAndWebhookAttemptsByOutcome() throws InterruptedException {
        assertThat(exposition(), hasItems(
                "# HELP " + DELIVERIES + " Attempts of webhook deliveries by this replica, by hook and outcome: delivered, "
                        + "failed_retrying (another attempt follows), gave_up (the last attempt failed)",
                "# TYPE " + DELIVERIES + " counter"));
        double nights = counter(EVENTS, "event=\"night\"");
        double corrections = counter(EVENTS, "event=\"correction\"");
        double delivered = counter(DELIVERIES, "hook=\"test\",outcome=\"delivered\"");
        double retrying = counter(DELIVERIES, "hook=\"test\",outcome=\"failed_retrying\"");
        double gaveUp = counter(DELIVERIES, "hook=\"test\",outcome=\"gave_up\"");

        hooks.answer(500, 500);
        Api.post("night-2025-05-24.json");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (counter(EVENTS, "event=\"night\"") - nights < 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // the correction must come after the night's event, not be taken in with it
        }
        Api.asWriter().body(Api.fixture("night-2025-05-24.json").replace("\"launched\": 14", "\"launched\": 15"))
                .post("/api/v1/reports").then().statusCode(200);
        while (counter(DELIVERIES, "hook=\"test\",outcome=\"delivered\"") - delivered < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        assertThat(counter(EVENTS, "event=\"night\"") - nights, is(1.0));
        assertThat(counter(EVENTS, "event=\"correction\"") - corrections, is(1.0));
        assertThat(counter(DELIVERIES, "hook=\"test\",outcome=\"delivered\"") - delivered, is(2.0));
        assertThat(counter(DELIVERIES, "hook=\"test\",outcome=\"failed_retrying\"") - retrying, is(2.0));
        assertThat(counter(DELIVERIES, "hook=\"test\",outcome=\"gave_up\"") - gaveUp, is(0.0));
    }
}
