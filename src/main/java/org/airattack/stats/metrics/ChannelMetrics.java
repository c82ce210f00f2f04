package org.airattack.stats.metrics;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.channel.ChannelFollower;
import org.airattack.stats.channel.ChannelPolled;
import org.airattack.stats.channel.ChannelReportPublished;
import org.airattack.stats.channel.PollResult;
import org.airattack.stats.channel.PostStatus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

/**
 * The channel follower's meters, on every replica: the gauges show what the follower last read from
 * the database (so they agree on every replica), the counter counts this replica's polls, the
 * histogram how long after its post a night was published. The follower fires CDI events; it never
 * touches a meter itself.
 */
@ApplicationScoped
public class ChannelMetrics {

    /** 1 when this replica is set to follow the channel, else 0. */
    public static final String CHANNEL_ENABLED = "airattack.channel.enabled";
    /** A counter: {@code airattack_channel_polls_total{outcome}}. */
    public static final String CHANNEL_POLLS = "airattack.channel.polls";
    /** With base unit seconds: {@code airattack_channel_last_success_timestamp_seconds}. */
    public static final String CHANNEL_LAST_SUCCESS = "airattack.channel.last.success.timestamp";
    /** {@code airattack_channel_posts{status}}. */
    public static final String CHANNEL_POSTS = "airattack.channel.posts";
    /** A histogram in seconds: {@code airattack_channel_publish_delay_seconds}. */
    public static final String CHANNEL_PUBLISH_DELAY = "airattack.channel.publish.delay";

    /** Buckets of the publish delay, around a poll interval of two minutes up to a day. */
    static final Duration[] PUBLISH_DELAY_BUCKETS = Stream.of(30, 60, 90, 120, 180, 300, 600, 900, 1800, 3600, 7200,
            21600, 86400).map(Duration::ofSeconds).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final ChannelFollower channel;
    private Timer publishDelay;

    public ChannelMetrics(MeterRegistry registry, ChannelFollower channel) {
        this.registry = registry;
        this.channel = channel;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder(CHANNEL_ENABLED, channel, c -> c.enabled() ? 1 : 0)
                .description("1 when this replica is set to follow the Air Force's channel (airattack.channel.enabled), else 0")
                .strongReference(true)
                .register(registry);
        Gauge.builder(CHANNEL_LAST_SUCCESS, channel, c -> c.lastSuccess() == null ? 0 : c.lastSuccess().getEpochSecond())
                .description("End of the last poll of the channel that read every page, as a Unix time; 0 until the first")
                .baseUnit(AirAttackMetrics.SECONDS)
                .strongReference(true)
                .register(registry);
        for (PostStatus status : PostStatus.values()) {
            Gauge.builder(CHANNEL_POSTS, channel, c -> c.count(status))
                    .description("Posts read from the channel by outcome: stored (a national report), ignored (not one), "
                            + "unreadable (waiting for review)")
                    .tag("status", status.slug())
                    .strongReference(true)
                    .register(registry);
        }
        for (String outcome : List.of(PollResult.OK, PollResult.FAILED)) {
            pollCounter(outcome);
        }
        publishDelay = Timer.builder(CHANNEL_PUBLISH_DELAY)
                .description("From a post's time on the channel to the commit of the report read from it (new reports only)")
                .serviceLevelObjectives(PUBLISH_DELAY_BUCKETS)
                .register(registry);
    }

    /** Counts a poll of the channel by its outcome. */
    void onChannelPolled(@Observes ChannelPolled polled) {
        pollCounter(polled.ok() ? PollResult.OK : PollResult.FAILED).increment();
    }

    /** A post became a new report: how long after it was posted. */
    void onChannelPublished(@Observes ChannelReportPublished published) {
        publishDelay.record(published.delay());
    }

    private Counter pollCounter(String outcome) {
        return Counter.builder(CHANNEL_POLLS)
                .description("Polls of the channel by this replica: ok (every page read, every post recorded) or failed")
                .tag("outcome", outcome)
                .register(registry);
    }
}
