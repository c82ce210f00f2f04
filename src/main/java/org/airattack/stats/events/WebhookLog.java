package org.airattack.stats.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads the webhook delivery log. */
@ApplicationScoped
public class WebhookLog {

    private final WebhookRepository deliveries;

    public WebhookLog(WebhookRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** The newest attempts, of one hook or (null) of every hook. */
    public List<DeliveryLogEntry> attempts(String hook, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.log(hook, limit));
    }
}
