package org.airattack.stats.channel;

import java.util.Optional;

/** The one outcome of every post of the channel. */
public enum PostStatus {
    /** A national report, stored through the same path as every write. */
    STORED("stored"),
    /** Not a national report: live tracking, an alert, a regional tally, a clarification, a caption. */
    IGNORED("ignored"),
    /** Looks like a report, but the reader refused it or its cross-checks disagree: it waits for review. */
    UNREADABLE("unreadable");

    private final String slug;

    PostStatus(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<PostStatus> ofSlug(String slug) {
        for (PostStatus s : values()) {
            if (s.slug.equals(slug)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
