package org.airattack.stats.events;

import java.util.Locale;

/** How one attempt of a webhook delivery ended. */
public enum DeliveryOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** It failed; another attempt is due at {@code nextRetryAt}. */
    FAILED_RETRYING,
    /** It failed and was the last attempt allowed. */
    GAVE_UP;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
