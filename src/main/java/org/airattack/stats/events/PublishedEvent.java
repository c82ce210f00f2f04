package org.airattack.stats.events;

/**
 * An event as subscribers get it.
 *
 * @param id      stable on every replica: the SSE {@code id:}, {@code X-AirAttack-Event-Id}
 * @param type    what happened
 * @param source  the source whose figures it is about
 * @param payload the event as JSON (the SSE data, and the webhook body but for its {@code sentAt})
 */
public record PublishedEvent(long id, EventType type, String source, String payload) {

    static PublishedEvent of(NightEvent e) {
        return new PublishedEvent(e.id, EventType.fromSlug(e.type).orElseThrow(), e.source, e.payload);
    }
}
