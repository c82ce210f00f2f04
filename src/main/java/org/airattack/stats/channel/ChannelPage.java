package org.airattack.stats.channel;

import java.util.List;

/**
 * One page of the channel's web preview.
 *
 * @param posts  its posts, oldest first
 * @param before the number to ask {@code ?before=} for the page of older posts, or null when there is none
 */
public record ChannelPage(List<PagePost> posts, Long before) {

    /** The oldest post's number, or null for a page without posts. */
    Long oldest() {
        return posts.isEmpty() ? null : posts.get(0).id();
    }
}
