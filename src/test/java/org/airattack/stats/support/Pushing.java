package org.airattack.stats.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Push with a webhook receiver ({@link WebhookReceiver}), a heartbeat every second, so the tests wait
 * little, a bulk summary for a write that changes more than three nights, and four event-stream
 * clients at most.
 */
public class Pushing implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("airattack.events.heartbeat", "PT1S", "airattack.events.poll-interval", "PT0.2S",
                "airattack.events.bulk-threshold", "3", "airattack.events.max-subscribers", "4");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WebhookReceiverResource.class));
    }
}
