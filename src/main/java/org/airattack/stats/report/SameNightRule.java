package org.airattack.stats.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One night, one report: a new report that repeats one already filed another way (the post read the
 * same morning, then the dataset's row; a hand-typed copy) would count the night twice. Single writes
 * refuse such a report; the dataset import lets its own version replace the other. The one rule both
 * use; the callers choose how to find the candidates (one query per write, one per import).
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
    }

    /**
     * The filed reports this draft repeats: the same source, another external id, exactly the same
     * window and target, and a weapon in common. Two posts for one window that name different weapons
     * (the Air Force splits missiles and drones at times) are two statements and both stay.
     */
    public static List<Filed> repeatedBy(ReportDraft draft, Collection<Filed> filed) {
        Set<String> weapons = null;
        List<Filed> out = new ArrayList<>();
        for (Filed f : filed) {
            Revision rev = f.latest();
            if (!f.key().source().equals(draft.source().slug()) || f.key().externalId().equals(draft.externalId())
                    || !sameWindow(rev.window(), draft.window()) || !Objects.equals(rev.target(), draft.target())) {
                continue;
            }
            if (weapons == null) {
                weapons = weaponKeys(draft.lines());
            }
            if (!Collections.disjoint(weapons, weaponKeys(rev.lines()))) {
                out.add(f);
            }
        }
        return out;
    }

    /** The same moments, each end date-only or not alike. */
    private static boolean sameWindow(ReportWindow a, ReportWindow b) {
        return a.start().instant().equals(b.start().instant()) && a.start().dateOnly() == b.start().dateOnly()
                && a.end().instant().equals(b.end().instant()) && a.end().dateOnly() == b.end().dateOnly();
    }

    private static Set<String> weaponKeys(List<Line> lines) {
        Set<String> keys = new HashSet<>();
        lines.forEach(l -> keys.add(l.weapon().key()));
        return keys;
    }
}
