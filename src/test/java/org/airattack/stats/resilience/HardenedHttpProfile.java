package org.airattack.stats.resilience;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Limits small enough for a test to reach quickly: three wrong credentials per client, a lock of a
 * minute, twenty clients remembered, and a connection idle for two seconds closed.
 */
public class HardenedHttpProfile implements QuarkusTestProfile {

    static final int FAILURES_ALLOWED = 3;
    static final int IDLE_SECONDS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("airattack.security.failures-allowed", String.valueOf(FAILURES_ALLOWED),
                "airattack.security.failure-window", "PT1M",
                "airattack.security.lock-time", "PT1M",
                "airattack.security.max-clients", "20",
                "quarkus.http.idle-timeout", IDLE_SECONDS + "S");
    }
}
