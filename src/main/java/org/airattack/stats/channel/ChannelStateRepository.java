package org.airattack.stats.channel;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The followed channels' rows; the lease is claimed here. Callers own the transactions. */
@ApplicationScoped
public class ChannelStateRepository implements PanacheRepositoryBase<ChannelState, String> {

    /** The channel's row, created when it is missing (two replicas starting at once: one insert wins, the other inserts nothing). */
    public void ensure(String channel) {
        getEntityManager().createNativeQuery("""
                insert into channel_state (channel) select :channel where not exists (select 1 from channel_state where channel = :channel)""")
                .setParameter("channel", channel)
                .executeUpdate();
    }

    /**
     * Claims or renews the lease that lets one replica poll: it succeeds when the lease is free,
     * expired, or already this holder's. One conditional update, so two replicas can never both
     * succeed, on PostgreSQL and H2 alike; times come from the caller, so replicas agree within their
     * clocks' skew, which the lease's length covers.
     */
    public boolean lease(String channel, String holder, Instant now, Instant until) {
        return getEntityManager().createQuery("""
                update ChannelState s set s.leaseHolder = :holder, s.leaseUntil = :until
                where s.channel = :channel and (s.leaseHolder = :holder or s.leaseHolder is null or s.leaseUntil is null or s.leaseUntil < :now)""")
                .setParameter("holder", holder)
                .setParameter("until", until)
                .setParameter("channel", channel)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Gives the lease up (on shutdown), so another replica takes over at its next tick. */
    public void release(String channel, String holder) {
        getEntityManager().createQuery("""
                update ChannelState s set s.leaseHolder = null, s.leaseUntil = null where s.channel = :channel and s.leaseHolder = :holder""")
                .setParameter("channel", channel)
                .setParameter("holder", holder)
                .executeUpdate();
    }
}
