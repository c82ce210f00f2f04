package org.airattack.stats.series;

/**
 * What a reader of a night's numbers must know.
 *
 * @param partial  some line leaves launched or neutralised unknown: the sums cover the known lines only
 * @param withheld some line's counts were withheld by the source (unknown, not zero)
 * @param span     a report counted here covers more than one night (a multi-day tally)
 */
public record Flags(boolean partial, boolean withheld, boolean span) {
}
