package org.airattack.stats.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A followed channel: its cursor, its last poll, and the lease of the replica that polls it. */
@Entity
@Table(name = "channel_state")
public class ChannelState {

    @Id
    public String channel;

    /** The newest post recorded: every post after it is new. Null before the first poll. */
    @Column(name = "cursor_post_id")
    public Long cursor;

    @Column(name = "lease_holder")
    public String leaseHolder;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_poll_at")
    public Instant lastPollAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;
}
