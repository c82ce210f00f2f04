package org.airattack.stats.channel;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A post of the channel and its outcome, as the API shows it.
 *
 * @param post        the channel's key, {@code kpszsu/82681}
 * @param id          its number in the channel (the {id} of the retry)
 * @param url         its address, the report's externalId
 * @param publishedAt when it was posted
 * @param edited      the channel marks it edited
 * @param text        the text last read
 * @param status      stored, ignored or unreadable
 * @param reason      why it was ignored or waits for review; null when stored
 * @param reportId    the report it is stored as (kept while an unreadable edit waits)
 * @param revision    that report's revision it made
 * @param readAt      when it was last read
 */
@RegisterForReflection
public record ChannelPostView(String post, long id, String url, Instant publishedAt, boolean edited, String text, String status,
        String reason, Long reportId, Integer revision, Instant readAt) {

    static ChannelPostView of(ChannelPost p) {
        return new ChannelPostView(p.post, p.postId, p.url, p.publishedAt, p.edited, p.text, p.status, p.reason, p.reportId, p.revision,
                p.readAt);
    }
}
