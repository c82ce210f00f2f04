package org.airattack.stats.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A post of a followed channel: the text last read and its one outcome. */
@Entity
@Table(name = "channel_post")
public class ChannelPost {

    /** The channel's own key, {@code kpszsu/82681}. */
    @Id
    public String post;

    public String channel;

    @Column(name = "post_id")
    public long postId;

    public String url;

    @Column(name = "published_at")
    public Instant publishedAt;

    public boolean edited;

    @Column(name = "post_text")
    public String text;

    @Column(name = "text_hash")
    public String textHash;

    /** {@link PostStatus#slug()}. */
    public String status;

    public String reason;

    /** The report it is stored as, also while an edit that could not be read waits in the queue. */
    @Column(name = "report_id")
    public Long reportId;

    public Integer revision;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @Column(name = "read_at")
    public Instant readAt;
}
