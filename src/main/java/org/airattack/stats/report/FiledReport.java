package org.airattack.stats.report;

/**
 * A report already filed for the night (or day) a draft is about, and what storing the draft would
 * do to it: the answer of a dry run says so before anything is stored.
 *
 * @param id          the report
 * @param revision    its latest revision
 * @param url         where it was published
 * @param windowStart its window, with offset
 * @param windowEnd   its window's end
 * @param onStore     {@code revises} (the same externalId: a new revision), {@code unchanged} (the same content),
 *                    {@code refused} (the same night filed another way: storing answers 409), {@code adds} (another
 *                    statement about that night, a late wave or other weapons: both count)
 */
public record FiledReport(long id, int revision, String url, String windowStart, String windowEnd, String onStore) {
}
