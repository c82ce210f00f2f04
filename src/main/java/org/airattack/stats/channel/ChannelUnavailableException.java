package org.airattack.stats.channel;

import java.time.Instant;

/**
 * The channel could not be read: unreachable, an error status, or a page that is not the channel's
 * (a block or captcha page answered with 200). The poll fails; nothing is recorded.
 */
public class ChannelUnavailableException extends Exception {

    private final transient Instant retryAfter;

    public ChannelUnavailableException(String message, Instant retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** The time the channel asked not to be asked again before (Retry-After), or null. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
