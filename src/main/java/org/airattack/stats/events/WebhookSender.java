package org.airattack.stats.events;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.airattack.stats.common.Clip;
import org.airattack.stats.common.HmacSha256;
import org.airattack.stats.common.LeaseHolder;
import org.airattack.stats.config.AirAttackConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Delivers events to the configured webhooks, at least once, off every write's path: a worker thread
 * of each replica looks for due deliveries every {@code airattack.events.poll-interval}, claims each
 * with a lease (so one replica sends a given delivery at a time; a replica that dies mid-attempt leaves
 * it to another once the lease runs out) and POSTs the event as JSON, signed with HMAC-SHA256 over the
 * raw body. A 2xx answer delivers it; anything else (another status, no answer within
 * {@code webhook-timeout}) is retried after {@code webhook-backoff}, doubling up to
 * {@code webhook-max-backoff}, until {@code webhook-attempts} attempts, then it gives up. Every attempt
 * is logged in {@code webhook_attempt}.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String SIGNATURE = "X-AirAttack-Signature";
    public static final String EVENT_ID = "X-AirAttack-Event-Id";
    public static final String EVENT = "X-AirAttack-Event";
    public static final String TIMESTAMP = "X-AirAttack-Timestamp";
    /** Deliveries claimed per look. */
    private static final int BATCH = 20;

    private final WebhookRepository deliveries;
    private final EventRepository events;
    private final AirAttackConfig.Events config;
    private final Map<String, AirAttackConfig.Webhook> hooks;
    private final ObjectMapper json;
    private final Event<WebhookAttempted> attempted;
    private final HttpClient http;
    /** This replica, as the lease names it. */
    private final String holder = LeaseHolder.name();
    private ScheduledExecutorService worker;

    public WebhookSender(WebhookRepository deliveries, EventRepository events, AirAttackConfig config, ObjectMapper json,
            Event<WebhookAttempted> attempted) {
        this.deliveries = deliveries;
        this.events = events;
        this.config = config.events();
        this.hooks = Map.copyOf(config.webhooks());
        this.json = json;
        this.attempted = attempted;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.webhookTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Refuses to start with a hook that names a kind of event there is not. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 40) StartupEvent event) {
        hooks.forEach((name, hook) -> {
            if (hook.secret().isBlank()) {
                throw new IllegalStateException("airattack.webhooks." + name + ".secret is empty: every webhook is signed");
            }
            hook.events().forEach(type -> {
                if (EventType.fromSlug(type).isEmpty()) {
                    throw new IllegalStateException("airattack.webhooks." + name + ".events names '" + type
                            + "'; the kinds of event are night, correction and bulk");
                }
            });
        });
        worker = Workers.single("airattack-webhooks");
        long every = config.pollInterval().toMillis();
        worker.scheduleWithFixedDelay(this::sendDue, every, every, TimeUnit.MILLISECONDS);
        if (!hooks.isEmpty()) {
            Log.infof("webhooks: %s", String.join(", ", hooks.keySet()));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** The configured hooks' names. */
    public List<String> hooks() {
        return hooks.keySet().stream().sorted().toList();
    }

    private void sendDue() {
        if (hooks.isEmpty()) {
            return; // deliveries are made only for configured hooks
        }
        try {
            Instant now = Instant.now();
            List<Long> due = QuarkusTransaction.requiringNew().call(() -> deliveries.due(now, BATCH));
            for (long id : due) {
                Instant leaseUntil = Instant.now().plus(config.webhookTimeout().multipliedBy(2)).plusSeconds(30);
                boolean mine = QuarkusTransaction.requiringNew().call(() -> deliveries.lease(id, holder, Instant.now(), leaseUntil));
                if (mine) {
                    attempt(id);
                }
            }
        } catch (RuntimeException e) {
            Log.debugf("webhook deliveries could not be looked up (the next look retries): %s", e.getMessage());
        }
    }

    /** One attempt of a delivery whose lease this replica holds. */
    private void attempt(long id) {
        WebhookDelivery d = QuarkusTransaction.requiringNew().call(() -> deliveries.findById(id));
        NightEvent e = QuarkusTransaction.requiringNew().call(() -> events.findById(d.eventId));
        AirAttackConfig.Webhook hook = hooks.get(d.hook);
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Integer status = null;
        String error;
        if (hook == null || e == null) {
            error = hook == null ? "no webhook named " + d.hook + " is configured" : "the event was pruned";
        } else {
            try {
                HttpResponse<Void> response = http.send(request(hook, e, sentAt), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                error = status / 100 == 2 ? null : "HTTP " + status;
            } catch (IOException | IllegalArgumentException ex) {
                error = Clip.clip(ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()), 300);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return; // shutting down: the lease runs out and another replica sends it
            }
        }
        boolean last = hook == null || e == null || d.attempts + 1 >= config.webhookAttempts();
        DeliveryOutcome outcome = error == null ? DeliveryOutcome.DELIVERED : last ? DeliveryOutcome.GAVE_UP : DeliveryOutcome.FAILED_RETRYING;
        Instant ended = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant next = outcome == DeliveryOutcome.FAILED_RETRYING ? ended.plus(backoff(d.attempts + 1)) : null;
        Integer code = status;
        String why = error;
        QuarkusTransaction.requiringNew().run(() -> record(id, outcome, code, why, ended, next));
        attempted.fire(new WebhookAttempted(d.hook, outcome));
        if (outcome == DeliveryOutcome.GAVE_UP) {
            Log.warnf("webhook %s gave up on event %d after %d attempts: %s", d.hook, d.eventId, d.attempts + 1, why);
        }
    }

    private void record(long id, DeliveryOutcome outcome, Integer status, String error, Instant at, Instant next) {
        WebhookDelivery d = deliveries.findById(id);
        d.attempts++;
        d.status = switch (outcome) {
            case DELIVERED -> WebhookDelivery.DELIVERED;
            case GAVE_UP -> WebhookDelivery.GAVE_UP;
            case FAILED_RETRYING -> WebhookDelivery.PENDING;
        };
        d.nextAttemptAt = next;
        d.leaseHolder = null;
        d.leaseUntil = null;
        d.lastStatus = status;
        d.lastError = error;
        WebhookAttempt a = new WebhookAttempt();
        a.deliveryId = id;
        a.attempt = d.attempts;
        a.outcome = outcome.slug();
        a.statusCode = status;
        a.error = error;
        a.attemptedAt = at;
        a.nextRetryAt = next;
        deliveries.getEntityManager().persist(a);
    }

    /** The wait after the n-th failed attempt: backoff × 2^(n-1), at most max-backoff. */
    Duration backoff(int failed) {
        Duration wait = config.webhookBackoff().multipliedBy(1L << Math.min(failed - 1, 30));
        return wait.compareTo(config.webhookMaxBackoff()) > 0 ? config.webhookMaxBackoff() : wait;
    }

    /** The event's JSON with this attempt's {@code sentAt}, signed. */
    private HttpRequest request(AirAttackConfig.Webhook hook, NightEvent e, Instant sentAt) {
        byte[] body = body(e, sentAt);
        return HttpRequest.newBuilder(hook.url())
                .timeout(config.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "air-attack-stats webhooks")
                .header(EVENT_ID, String.valueOf(e.id))
                .header(EVENT, e.type)
                .header(TIMESTAMP, String.valueOf(sentAt.getEpochSecond()))
                .header(SIGNATURE, "sha256=" + HmacSha256.hex(hook.secret().getBytes(StandardCharsets.UTF_8), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private byte[] body(NightEvent e, Instant sentAt) {
        try {
            ObjectNode payload = (ObjectNode) json.readTree(e.payload);
            payload.put("sentAt", sentAt.toString());
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("the stored event " + e.id + " is not JSON", ex);
        }
    }
}
