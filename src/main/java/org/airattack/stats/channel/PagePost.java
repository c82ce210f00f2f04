package org.airattack.stats.channel;

import java.time.Instant;

/**
 * One post as the channel's web preview shows it.
 *
 * @param key         the channel's own key of the post, {@code kpszsu/82681}
 * @param id          its number in the channel, 82681
 * @param url         its address, {@code https://t.me/kpszsu/82681}: the report's externalId and provenance
 * @param text        its own text (never a quoted reply), line breaks as {@code \n}; empty for a photo alone
 * @param publishedAt when it was posted
 * @param edited      the preview marks it edited (it tells no edit time)
 */
public record PagePost(String key, long id, String url, String text, Instant publishedAt, boolean edited) {
}
