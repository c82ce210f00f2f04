package org.airattack.stats.channel;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one poll did.
 *
 * @param outcome   ok (every page read, every post recorded) or failed
 * @param startedAt when it started
 * @param endedAt   when it ended
 * @param pages     pages fetched
 * @param posts     posts on them
 * @param cursor    the newest post recorded afterwards
 * @param error     why it failed; null when ok
 * @param changed   the posts it recorded for the first time or read again because their text changed, oldest first
 */
@RegisterForReflection
public record PollResult(String outcome, Instant startedAt, Instant endedAt, int pages, int posts, Long cursor, String error,
        List<ChannelPostView> changed) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
}
