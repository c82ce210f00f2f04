package org.airattack.stats.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Following the channel's test pages ({@link ChannelServer}): two pages read back on the first start,
 * the scheduled poll once an hour, so a test asks for each poll (POST /api/v1/channel/poll) and every
 * step is exact.
 */
public class ChannelFollowing implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("airattack.channel.enabled", "true",
                "airattack.channel.poll-interval", "PT1H",
                "airattack.channel.backfill-pages", "2",
                "airattack.channel.contact", "https://example.org/air-attack-stats");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ChannelServerResource.class));
    }
}
