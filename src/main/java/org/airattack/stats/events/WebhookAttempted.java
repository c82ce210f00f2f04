package org.airattack.stats.events;

/**
 * This replica made one attempt to deliver an event to a webhook (a CDI event, for the meters).
 *
 * @param hook    the hook's configured name
 * @param outcome {@link DeliveryOutcome#slug()}
 */
public record WebhookAttempted(String hook, DeliveryOutcome outcome) {
}
