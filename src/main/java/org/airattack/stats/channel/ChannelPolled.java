package org.airattack.stats.channel;

import java.time.Instant;

/**
 * A poll of the channel ended (a CDI event, for the meters).
 *
 * @param ok true when every page was read and every post recorded
 * @param at when it ended
 */
public record ChannelPolled(boolean ok, Instant at) {
}
