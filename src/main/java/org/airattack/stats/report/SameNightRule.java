package org.airattack.stats.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.airattack.stats.catalog.Category;

/**
 * One night, one report. A new report of a source and night whose window overlaps a report already
 * filed another way, and whose lines repeat that report's weapons with the same counts per category (or whose
 * window is exactly that report's, with a weapon in common), is that report filed again — the post read the same morning, then the dataset's row; a news relay typed
 * in. Counting both would double the night, so single writes refuse it and the dataset import lets
 * its own version replace the other. Any other overlap is a real second statement (a separate late
 * wave, the Air Force splitting missiles and drones) and counts, with a warning. The one rule both
 * writers use; they choose how to find the candidates (one query per write, one per import).
 */
public final class SameNightRule {

    private SameNightRule() {
    }

    /**
     * An active report already filed, as the rule compares it.
     *
     * @param id     the report
     * @param key    its source and external id
     * @param latest its latest revision
     */
    public record Filed(long id, ReportKey key, Revision latest) {

        /** A report as the read model holds it. */
        public static Filed of(StoredReport report) {
            return new Filed(report.id(), new ReportKey(report.source().slug(), report.externalId()), report.latest());
        }
    }

    /** What a new report is to the ones already filed for its night. */
    public record Verdict(List<Filed> repeats, List<Filed> overlaps) {
    }

    /**
     * The filed reports this draft repeats (the same report filed again) and those it only
     * overlaps. A report marked as an additional wave repeats nothing and is repeated by nothing.
     */
    public static Verdict judge(ReportDraft draft, Collection<Filed> filed) {
        List<Filed> repeats = new ArrayList<>();
        List<Filed> overlaps = new ArrayList<>();
        Map<Category, long[]> counts = null;
        for (Filed f : filed) {
            Revision rev = f.latest();
            if (!f.key().source().equals(draft.source().slug()) || f.key().externalId().equals(draft.externalId())
                    || !rev.date().equals(draft.window().date()) || rev.period() != draft.window().period()
                    || !Objects.equals(rev.target(), draft.target()) || !overlap(rev.window(), draft.window())) {
                continue;
            }
            if (counts == null) {
                counts = counts(draft.lines());
            }
            boolean same = sameWindow(rev.window(), draft.window()) && shareWeapon(draft.lines(), rev.lines())
                    || sameCounts(counts, counts(rev.lines()));
            if (!draft.additionalWave() && !rev.additionalWave() && same) {
                repeats.add(f);
            } else {
                overlaps.add(f);
            }
        }
        return new Verdict(List.copyOf(repeats), List.copyOf(overlaps));
    }

    /** The same moments, each end date-only or not alike. */
    private static boolean sameWindow(ReportWindow a, ReportWindow b) {
        return a.start().instant().equals(b.start().instant()) && a.start().dateOnly() == b.start().dateOnly()
                && a.end().instant().equals(b.end().instant()) && a.end().dateOnly() == b.end().dateOnly();
    }

    private static boolean shareWeapon(List<Line> a, List<Line> b) {
        return a.stream().anyMatch(l -> b.stream().anyMatch(o -> o.weapon().key().equals(l.weapon().key())));
    }

    /** The warning a report gets that overlaps another one of its night without repeating it. */
    public static ReportWarning overlapWarning(Filed other) {
        return ReportWarning.ofReport("the window overlaps report " + other.id() + " (" + other.latest().window().start().local()
                + " to " + other.latest().window().end().local() + ") of the same night; both are counted");
    }

    /** Two windows share some time (touching ends do not). */
    public static boolean overlap(ReportWindow a, ReportWindow b) {
        return a.start().instant().isBefore(b.end().instant()) && b.start().instant().isBefore(a.end().instant());
    }

    /** The counted measures the rule compares, in the order of {@link #counts}. */
    private static final int MEASURES = 4;
    private static final long UNKNOWN = Long.MIN_VALUE;

    /**
     * Per category: launched, shot down, suppressed, neutralised summed over its lines; {@link #UNKNOWN}
     * where no line states it. By category, not weapon: two writers name the same missiles at different
     * grain ("Iskander-M" in the dataset, "Iskander-M/KN-23" in a news relay).
     */
    private static Map<Category, long[]> counts(List<Line> lines) {
        Map<Category, long[]> out = new EnumMap<>(Category.class);
        for (Line l : lines) {
            long[] c = out.computeIfAbsent(l.weapon().category(), k -> new long[] { UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN });
            Integer[] values = { l.launched(), l.shotDown(), l.suppressed(), l.neutralised() };
            for (int i = 0; i < MEASURES; i++) {
                if (values[i] != null) {
                    c[i] = (c[i] == UNKNOWN ? 0 : c[i]) + values[i];
                }
            }
        }
        return out;
    }

    /**
     * The same report: one side's categories are all the other's, and every count both sides state for a
     * category they share is equal (a news relay gives launched only; the dataset adds what was stopped).
     */
    private static boolean sameCounts(Map<Category, long[]> a, Map<Category, long[]> b) {
        if (!b.keySet().containsAll(a.keySet()) && !a.keySet().containsAll(b.keySet())) {
            return false;
        }
        int compared = 0;
        for (Map.Entry<Category, long[]> e : a.entrySet()) {
            long[] other = b.get(e.getKey());
            if (other == null) {
                continue;
            }
            for (int i = 0; i < MEASURES; i++) {
                if (e.getValue()[i] != UNKNOWN && other[i] != UNKNOWN) {
                    if (e.getValue()[i] != other[i]) {
                        return false;
                    }
                    compared++;
                }
            }
        }
        return compared > 0;
    }
}
