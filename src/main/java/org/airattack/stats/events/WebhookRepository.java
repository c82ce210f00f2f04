package org.airattack.stats.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Webhook deliveries and their attempts; the lease on a delivery is claimed here. Callers own the transactions. */
@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<WebhookDelivery, Long> {

    /** Ids of deliveries due now that no replica holds, oldest due first. */
    public List<Long> due(Instant now, int limit) {
        return getEntityManager().createQuery("""
                select d.id from WebhookDelivery d
                where d.status = :pending and d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now)
                order by d.nextAttemptAt, d.id""", Long.class)
                .setParameter("pending", WebhookDelivery.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Claims the lease on one due delivery: one conditional update, so two replicas can never both
     * send it (the same pattern as the channel's lease); it runs out after {@code until}, so a
     * replica that dies mid-attempt leaves it to another.
     */
    public boolean lease(long id, String holder, Instant now, Instant until) {
        return getEntityManager().createQuery("""
                update WebhookDelivery d set d.leaseHolder = :holder, d.leaseUntil = :until
                where d.id = :id and d.status = :pending and (d.leaseUntil is null or d.leaseUntil < :now)""")
                .setParameter("holder", holder)
                .setParameter("until", until)
                .setParameter("id", id)
                .setParameter("pending", WebhookDelivery.PENDING)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** The delivery log: attempts newest first, with their delivery's hook and event; {@code hook} null for every hook. */
    public List<DeliveryLogEntry> log(String hook, int limit) {
        var query = getEntityManager().createQuery("""
                select d.hook, d.eventId, e.type, a.attempt, a.outcome, a.statusCode, a.error, a.attemptedAt, a.nextRetryAt
                from WebhookAttempt a, WebhookDelivery d, NightEvent e
                where d.id = a.deliveryId and e.id = d.eventId""" + (hook == null ? "" : " and d.hook = :hook")
                + " order by a.attemptedAt desc, a.id desc", Object[].class)
                .setMaxResults(limit);
        if (hook != null) {
            query.setParameter("hook", hook);
        }
        List<DeliveryLogEntry> out = new ArrayList<>();
        for (Object[] r : query.getResultList()) {
            out.add(new DeliveryLogEntry((String) r[0], (Long) r[1], (String) r[2], (Integer) r[3], (String) r[4], (Integer) r[5],
                    (String) r[6], r[7].toString(), r[8] == null ? null : r[8].toString()));
        }
        return out;
    }
}
