package org.airattack.stats.series;

import org.airattack.stats.report.Line;

/**
 * Sums of line counts that keep unknown apart from zero: a measure with no known contribution is
 * null, one with some unknown (or withheld) contributions is partial.
 */
public final class Tally {

    private static final int N = Measure.COUNTS.length;

    private final long[] sum = new long[N];
    private final int[] known = new int[N];
    private final int[] unknown = new int[N];
    private long rateNeutralised;
    private long rateLaunched;
    private int rateUnknown;
    private boolean withheld;

    public void add(Line l) {
        withheld |= l.withheld();
        for (int i = 0; i < N; i++) {
            Integer v = Measure.COUNTS[i].of(l);
            if (v == null) {
                unknown[i]++;
            } else {
                known[i]++;
                sum[i] += v;
            }
        }
        if (l.launched() != null && l.neutralised() != null) {
            rateLaunched += l.launched();
            rateNeutralised += l.neutralised();
        } else {
            rateUnknown++;
        }
    }

    public void add(Tally other) {
        withheld |= other.withheld;
        for (int i = 0; i < N; i++) {
            sum[i] += other.sum[i];
            known[i] += other.known[i];
            unknown[i] += other.unknown[i];
        }
        rateLaunched += other.rateLaunched;
        rateNeutralised += other.rateNeutralised;
        rateUnknown += other.rateUnknown;
    }

    /** The sum, or null when no line knew it; for the interception rate see {@link #rate()}. */
    public Long value(Measure m) {
        if (m.derived()) {
            throw new IllegalArgumentException("use rate()");
        }
        int i = m.ordinal();
        return known[i] == 0 ? null : sum[i];
    }

    /** True when some line knew this summed measure. */
    boolean known(Measure m) {
        return known[m.ordinal()] > 0;
    }

    /** The sum of the known values of a summed measure. */
    long sum(Measure m) {
        return sum[m.ordinal()];
    }

    /** True when the interception rate is defined (some line knew both launched and neutralised, and launched &gt; 0). */
    boolean hasRate() {
        return rateLaunched > 0;
    }

    /** The interception rate rounded to 4 decimals; only when {@link #hasRate()}. */
    double rateValue() {
        return Math.round(rateNeutralised * 10_000.0 / rateLaunched) / 10_000.0;
    }

    /** True when some contributions are known and some are not. */
    public boolean partial(Measure m) {
        if (m.derived()) {
            return rateLaunched > 0 && rateUnknown > 0;
        }
        int i = m.ordinal();
        return known[i] > 0 && unknown[i] > 0;
    }

    /** Σ neutralised / Σ launched over lines where both are known, to 4 decimals; null when none. */
    public Double rate() {
        return hasRate() ? rateValue() : null;
    }

    public boolean withheld() {
        return withheld;
    }

    /** True when any line left launched or neutralised unknown. */
    public boolean incomplete() {
        return unknown[Measure.LAUNCHED.ordinal()] > 0 || unknown[Measure.NEUTRALISED.ordinal()] > 0;
    }
}
