package org.airattack.stats.series;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
    private int lines;
    private boolean withheld;

    public void add(Line l) {
        lines++;
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
        lines += other.lines;
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

    /** A value for JSON: the sum, or the rate rounded to 4 decimals. */
    public Number number(Measure m) {
        return m.derived() ? rate() : value(m);
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
    public BigDecimal rate() {
        if (rateLaunched == 0) {
            return null;
        }
        return BigDecimal.valueOf(rateNeutralised).divide(BigDecimal.valueOf(rateLaunched), 4, RoundingMode.HALF_UP);
    }

    public boolean withheld() {
        return withheld;
    }

    public int lines() {
        return lines;
    }

    /** True when any line left launched or neutralised unknown. */
    public boolean incomplete() {
        return unknown[Measure.LAUNCHED.ordinal()] > 0 || unknown[Measure.NEUTRALISED.ordinal()] > 0;
    }
}
