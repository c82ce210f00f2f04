package org.airattack.stats.channel;

import java.time.Instant;
import java.util.Map;

/**
 * How following the channel goes.
 *
 * @param channel       the channel's name
 * @param url           where the follower reads it: the web preview, or the feed when one is set
 * @param source        the source its reports are stored under
 * @param enabled       airattack.channel.enabled
 * @param pollInterval  seconds between polls
 * @param lastPollAt    when the last poll (of any replica) ended
 * @param lastSuccessAt when the last poll that read every page ended
 * @param lastError     why the last failed poll failed; null once a poll succeeds again
 * @param lastErrorAt   when it failed
 * @param cursor        the newest post recorded
 * @param posts         posts by status (stored, ignored, unreadable)
 * @param leaseHolder   the replica that polls, while its lease lasts
 * @param leaseUntil    when its lease ends unless renewed
 * @param notBefore     this replica leaves the channel alone until then (it asked with Retry-After), or null
 */
public record ChannelStatus(String channel, String url, String source, boolean enabled, long pollInterval, Instant lastPollAt,
        Instant lastSuccessAt, String lastError, Instant lastErrorAt, Long cursor, Map<String, Long> posts, String leaseHolder,
        Instant leaseUntil, Instant notBefore) {
}
