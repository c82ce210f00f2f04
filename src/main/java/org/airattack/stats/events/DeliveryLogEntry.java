package org.airattack.stats.events;

/**
 * One attempt in the delivery log (GET /api/v1/webhooks/deliveries).
 *
 * @param hook        the hook's configured name
 * @param eventId     the event's id (the receiver's idempotency key)
 * @param event       the event's kind
 * @param attempt     1 for the first attempt
 * @param outcome     delivered, failed_retrying or gave_up
 * @param statusCode  the receiver's HTTP status, null when none came (connection refused, timeout)
 * @param error       what went wrong, null when delivered
 * @param at          when the attempt ended (ISO-8601 instant)
 * @param nextRetryAt when the next attempt is due; null when delivered or given up
 */
public record DeliveryLogEntry(String hook, long eventId, String event, int attempt, String outcome, Integer statusCode,
        String error, String at, String nextRetryAt) {
}
