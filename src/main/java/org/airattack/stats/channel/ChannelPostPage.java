package org.airattack.stats.channel;

import java.util.List;

/**
 * A page of the channel's posts, newest first.
 *
 * @param items the posts
 * @param page  the page number, from 0
 * @param size  posts per page
 * @param total posts of that status in all
 */
public record ChannelPostPage(List<ChannelPostView> items, int page, int size, long total) {
}
