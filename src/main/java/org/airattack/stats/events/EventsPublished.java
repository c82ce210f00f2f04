package org.airattack.stats.events;

/**
 * Events were stored by this replica (a CDI event, for the meters), after their transaction committed.
 *
 * @param type  their kind
 * @param count how many
 */
public record EventsPublished(EventType type, int count) {
}
