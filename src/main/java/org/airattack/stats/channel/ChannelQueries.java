package org.airattack.stats.channel;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.config.AirAttackConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The follower's record, read from the database (not the read model): it changes with every poll,
 * also when no report does, so these answers are never kept by the read cache.
 */
@ApplicationScoped
public class ChannelQueries {

    private final AirAttackConfig.Channel config;
    private final ChannelPostRepository posts;
    private final ChannelStateRepository states;
    private final ChannelFollower follower;

    public ChannelQueries(AirAttackConfig config, ChannelPostRepository posts, ChannelStateRepository states, ChannelFollower follower) {
        this.config = config.channel();
        this.posts = posts;
        this.states = states;
        this.follower = follower;
    }

    /** The channel's posts of this status (every status when null), newest first. */
    public ChannelPostPage page(PostStatus status, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> new ChannelPostPage(
                posts.page(config.name(), status, page, size).stream().map(ChannelPostView::of).toList(), page, size,
                posts.count(config.name(), status)));
    }

    public ChannelStatus status() {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChannelState s = states.findById(config.name());
            Map<String, Long> byStatus = new LinkedHashMap<>();
            posts.countByStatus(config.name()).forEach((status, n) -> byStatus.put(status.slug(), n));
            return new ChannelStatus(config.name(), follower.source().toString(), ChannelFollower.SOURCE, config.enabled(),
                    config.pollInterval().toSeconds(), s == null ? null : s.lastPollAt, s == null ? null : s.lastSuccessAt,
                    s == null ? null : s.lastError, s == null ? null : s.lastErrorAt, s == null ? null : s.cursor, byStatus,
                    s == null ? null : s.leaseHolder, s == null ? null : s.leaseUntil, follower.notBefore());
        });
    }
}
