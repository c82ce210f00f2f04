package org.airattack.stats.metrics;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.events.DeliveryOutcome;
import org.airattack.stats.events.EventType;
import org.airattack.stats.events.EventsPublished;
import org.airattack.stats.events.WebhookAttempted;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The push's meters: the events this replica made, and every webhook attempt by hook and outcome
 * (every configured hook's counters start at 0). The events room fires CDI events; it never touches
 * a meter itself.
 */
@ApplicationScoped
public class PushMetrics {

    /** A counter: {@code airattack_events_published_total{event}} (the label is not called type: Prometheus reserves that word's meaning). */
    public static final String EVENTS_PUBLISHED = "airattack.events.published";
    /** A counter: {@code airattack_webhook_deliveries_total{hook,outcome}}. */
    public static final String WEBHOOK_DELIVERIES = "airattack.webhook.deliveries";

    private final MeterRegistry registry;
    private final List<String> hooks;

    public PushMetrics(MeterRegistry registry, AirAttackConfig config) {
        this.registry = registry;
        this.hooks = config.webhooks().keySet().stream().sorted().toList();
    }

    void onStart(@Observes StartupEvent event) {
        for (EventType type : EventType.values()) {
            eventsCounter(type);
        }
        for (String hook : hooks) {
            for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
                deliveriesCounter(hook, outcome);
            }
        }
    }

    /** Counts the events this replica made (another replica's events are counted there). */
    void onEventsPublished(@Observes EventsPublished published) {
        eventsCounter(published.type()).increment(published.count());
    }

    /** Counts an attempt of a webhook delivery by its outcome. */
    void onWebhookAttempted(@Observes WebhookAttempted attempted) {
        deliveriesCounter(attempted.hook(), attempted.outcome()).increment();
    }

    private Counter eventsCounter(EventType type) {
        return Counter.builder(EVENTS_PUBLISHED)
                .description("Events (GET /api/v1/events, webhooks) made by this replica, by kind: night, correction, bulk")
                .tag("event", type.slug())
                .register(registry);
    }

    private Counter deliveriesCounter(String hook, DeliveryOutcome outcome) {
        return Counter.builder(WEBHOOK_DELIVERIES)
                .description("Attempts of webhook deliveries by this replica, by hook and outcome: delivered, failed_retrying "
                        + "(another attempt follows), gave_up (the last attempt failed)")
                .tags("hook", hook, "outcome", outcome.slug())
                .register(registry);
    }
}
