package org.airattack.stats.report.airforce;

import java.util.regex.Pattern;

import org.airattack.stats.report.airforce.LineDraft.Measure;
import org.airattack.stats.report.airforce.PostClauses.Clause;
import org.airattack.stats.report.airforce.PostClauses.Kind;
import org.airattack.stats.report.airforce.PostItems.Head;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * What a post says that is not a count of a weapon line, turned into figures where it is exact and
 * into warnings where it is not: what is still in the air ("ще перебувають 8 ворожих БпЛА",
 * "декілька"), "Атака триває", approximate counts ("близько 10"), and what it says without counting
 * ("три ракети не досягли своїх цілей", "уточнюється").
 */
final class PostRemarks {

    private static final Pattern ONGOING = Pattern.compile("атака\\s+триває");
    private static final Pattern NOT_COUNTED = Pattern.compile(PostText.wordStart("н") + "не\\s+досяг|уточнюється");
    /** Where the post says where weapons struck or fell, counted by {@link NightFigures}. */
    private static final Pattern LOCATIONS = Pattern.compile("влучан|падін|уламк");

    private final PostReading reading;

    PostRemarks(PostReading reading) {
        this.reading = reading;
    }

    /** "близько 10 баражуючих боєприпасів": said, not stored. */
    void approximate(Item item, Measure measure) {
        if (item.approximate) {
            reading.warnings.add("'" + item.quote() + "': an approximate count, not stored" + (measure == null ? "" : " as " + measure.words));
        }
    }

    void read() {
        airspace();
        notCounted();
    }

    /**
     * "В повітряному просторі ще перебувають 8 ворожих БпЛА" and "ще 7 – у повітряному просторі" are
     * counts; "декілька", "близько 10" and "Атака триває" are warnings.
     */
    private void airspace() {
        String remark = null;
        for (Clause c : reading.clauses) {
            if (c.kind() != Kind.AIRBORNE || remark != null) {
                continue;
            }
            Item counted = c.items().stream().filter(i -> i.head != Head.TOTAL && i.count != null && !i.approximate).findFirst().orElse(null);
            if (counted != null) {
                line(counted).stillAirborne = counted.count;
            } else {
                remark = c.sentence().quote();
            }
        }
        boolean ongoing = reading.after().stream().anyMatch(s -> ONGOING.matcher(s.lower()).find());
        if (remark != null) {
            reading.warnings.add("still in the air when posted: '" + remark + "' (not an exact count, nothing stored); the figures are provisional");
        } else if (ongoing) {
            reading.warnings.add("'Атака триває': the attack was still going on when posted; the figures are provisional");
        }
    }

    /** The line a count of what is still in the air goes on: its weapon's; the drones' for drones and for a count without a noun; else the first. */
    private LineDraft line(Item item) {
        Item named = item.head == Head.ELLIPTIC ? item.antecedent : item;
        if (named == null || named.head == Head.DRONE) {
            return reading.lines.nightLine();
        }
        LineDraft line = reading.lines.find(reading.lines.weapon(named).spelling());
        return line != null ? line : reading.lines.all().get(0);
    }

    /** True when a sentence says what it does not count ("не досягли цілей") or where weapons struck or fell: its numbers are meant. */
    static boolean saysWithoutCounting(Sentence s) {
        return NOT_COUNTED.matcher(s.lower()).find() || LOCATIONS.matcher(s.lower()).find();
    }

    /** "Три ракети не досягли своїх цілей", "Інформація щодо … уточнюється": said, not counted. */
    private void notCounted() {
        for (Sentence s : reading.after()) {
            if (!reading.used(s) && NOT_COUNTED.matcher(s.lower()).find()) {
                reading.warnings.add("not counted: '" + s.quote() + "'");
            }
        }
    }
}
