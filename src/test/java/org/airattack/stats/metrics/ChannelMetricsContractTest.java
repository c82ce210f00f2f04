package org.airattack.stats.metrics;

import static org.airattack.stats.metrics.MetricsContractTest.airattack;
import static org.airattack.stats.metrics.MetricsContractTest.counter;
import static org.airattack.stats.metrics.MetricsContractTest.exposition;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.time.Instant;
import java.util.List;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.ChannelFollowing;
import org.airattack.stats.support.ChannelServer;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The follower's meters in the Prometheus exposition, line by line, after polls of the channel's test pages. */
@QuarkusTest
@TestProfile(ChannelFollowing.class)
class ChannelMetricsContractTest {

    ChannelServer pages;

    @BeforeEach
    void freshChannel() {
        pages.clear();
        Api.asWriter().post("/api/v1/channel/poll").then().statusCode(200);
        TestDb.resetChannel();
        TestDb.reset();
        pages.page("/s/kpszsu", "newest.html");
        pages.page("/s/kpszsu?before=82663", "before-82663.html");
        pages.page("/s/kpszsu?before=82656", "before-82656.html");
    }

    /** The value of the sample with exactly this name and labels. */
    private static double sample(String nameAndLabels) {
        return exposition().stream().filter(l -> l.startsWith(nameAndLabels + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(nameAndLabels.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + nameAndLabels));
    }

    @Test
    void shouldExposeTheFollowersPollsPostsAndPublishDelay() {
        double ok = counter("airattack_channel_polls_total", "outcome=\"ok\"");
        double failed = counter("airattack_channel_polls_total", "outcome=\"failed\"");
        double within600 = sample("airattack_channel_publish_delay_seconds_bucket{le=\"600.0\",}");
        double within900 = sample("airattack_channel_publish_delay_seconds_bucket{le=\"900.0\",}");
        double published = sample("airattack_channel_publish_delay_seconds_count");
        Api.asWriter().post("/api/v1/channel/poll").then().statusCode(200);
        // a new night on the next poll: 12 minutes after its post
        pages.page("/s/kpszsu", "later.html");
        pages.page("/s/kpszsu?before=82680", "before-82680.html");
        pages.page("/s/kpszsu?before=82669", "newest.html");
        Api.asWriter().post("/api/v1/channel/poll").then().statusCode(200);
        pages.page("/s/kpszsu", "blocked.html");
        Api.asWriter().post("/api/v1/channel/poll").then().statusCode(200);

        List<String> lines = exposition();
        assertThat(lines, hasItems(
                "# HELP airattack_channel_enabled 1 when this replica is set to follow the Air Force's channel (airattack.channel.enabled), else 0",
                "# TYPE airattack_channel_enabled gauge",
                "airattack_channel_enabled 1.0",
                "# HELP airattack_channel_polls_total Polls of the channel by this replica: ok (every page read, every post recorded) or failed",
                "# TYPE airattack_channel_polls_total counter",
                "# HELP airattack_channel_last_success_timestamp_seconds End of the last poll of the channel that read every page, as a Unix time; 0 until the first",
                "# TYPE airattack_channel_last_success_timestamp_seconds gauge",
                "# HELP airattack_channel_posts Posts read from the channel by outcome: stored (a national report), ignored (not one), unreadable (waiting for review)",
                "# TYPE airattack_channel_posts gauge",
                "airattack_channel_posts{status=\"stored\",} 4.0",
                "airattack_channel_posts{status=\"ignored\",} 27.0",
                "airattack_channel_posts{status=\"unreadable\",} 2.0",
                "# HELP airattack_channel_publish_delay_seconds From a post's time on the channel to the commit of the report read from it (new reports only)",
                "# TYPE airattack_channel_publish_delay_seconds histogram",
                "# TYPE airattack_channel_publish_delay_seconds_max gauge"));
        // one new report, published some 12 minutes after its post (the first start's reports are not counted)
        assertThat(sample("airattack_channel_publish_delay_seconds_count") - published, is(1.0));
        assertThat(sample("airattack_channel_publish_delay_seconds_bucket{le=\"600.0\",}") - within600, is(0.0));
        assertThat(sample("airattack_channel_publish_delay_seconds_bucket{le=\"900.0\",}") - within900, is(1.0));
        assertThat(counter("airattack_channel_polls_total", "outcome=\"ok\"") - ok, is(2.0));
        assertThat(counter("airattack_channel_polls_total", "outcome=\"failed\"") - failed, is(1.0));
        double lastSuccess = airattack(lines).stream().filter(l -> l.startsWith("airattack_channel_last_success_timestamp_seconds "))
                .mapToDouble(l -> Double.parseDouble(l.split(" ")[1])).findFirst().orElseThrow();
        assertThat(lastSuccess, greaterThan(Instant.now().minusSeconds(120).getEpochSecond() * 1.0));
        assertThat(lastSuccess, lessThan(Instant.now().plusSeconds(1).getEpochSecond() * 1.0));
    }
}
