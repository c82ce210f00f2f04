package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.List;

import org.airattack.stats.report.airforce.Disagreement.Check;
import org.airattack.stats.report.airforce.LineDraft.Measure;
import org.airattack.stats.report.airforce.PostClauses.Clause;
import org.airattack.stats.report.airforce.PostClauses.Kind;
import org.airattack.stats.report.airforce.PostClauses.Role;
import org.airattack.stats.report.airforce.PostItems.Head;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.PostLines.Weapon;
import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * Reads the weapon lines of a report from its clauses: launched per weapon from the radar
 * inventory's bullets, else from "противник атакував …", else from "зафіксовано N …" (the others
 * restate it and are cross-checks); then what was stopped, in the order the post says it, and what
 * flew on into another country. A weapon named without a number is withheld only where the Air
 * Force withholds (a missile, since August 2026); otherwise its count must come from elsewhere in
 * the post ("знищено 11 з 14", the radar's figure) or the post is unreadable.
 */
final class CountReader {

    private final PostReading reading;
    private final CrossChecks crossChecks;
    private final PostRemarks remarks;
    /** What restates the launched figures ("Всього зафіксовано 43 ударні БпЛА" beside "атакував ударними БпЛА"). */
    private final List<Item> restated = new ArrayList<>();

    CountReader(PostReading reading, CrossChecks crossChecks, PostRemarks remarks) {
        this.reading = reading;
        this.crossChecks = crossChecks;
        this.remarks = remarks;
    }

    void read() {
        launched();
        counted();
        for (Clause c : reading.clauses) {
            if (c.role() == Role.TOTALS && c.kind() == Kind.STOPPED) {
                crossChecks.restated(c.items(), c.measure(), Check.STATED_TOTAL);
            } else if (c.role() == Role.COUNTS && c.kind() == Kind.STOPPED) {
                crossChecks.restated(c.bullets().isEmpty() ? totals(c.items()) : c.items(), c.measure(), Check.STATED_TOTAL);
                stopped(c.listed(), c.measure());
            } else if (c.role() == Role.COUNTS && c.kind() == Kind.LEFT) {
                left(c.items(), c.country());
            }
        }
        unnumbered();
        unread();
    }

    /** A sentence that counts weapons but says neither how they came nor what became of them in words this reader knows. */
    private void unread() {
        for (Sentence s : reading.fromHeader()) {
            if (!reading.used(s) && !PostRemarks.saysWithoutCounting(s) && countsWeapons(s)) {
                reading.problems.add("not read: '" + s.quote() + "' counts weapons, but not as launched, stopped or still in the air in words this"
                        + " reader knows");
            }
        }
    }

    /** True when a sentence counts a weapon; one too long to read, when it names one at all. */
    private static boolean countsWeapons(Sentence s) {
        if (s.text().length() > PostReading.LONGEST_CLAUSE) {
            return PostItems.mentions(s.lower());
        }
        return PostItems.read(s.text(), s.lower()).items().stream().anyMatch(i -> i.count != null && i.head != Head.TOTAL && i.head != Head.ELLIPTIC);
    }

    // --- launched ---

    /** The radar inventory's bullets when there are any, else the attack's mentions, else the radar's own; the rest restate them. */
    private void launched() {
        List<Item> inventory = new ArrayList<>();
        List<Item> detected = new ArrayList<>();
        List<Item> attack = new ArrayList<>();
        for (Clause c : reading.clauses) {
            if (c.role() == Role.TOTALS && (c.kind() == Kind.DETECTED || c.kind() == Kind.ATTACK)) {
                restate(c.items(), Check.STATED_TOTAL);
            } else if (c.role() == Role.COUNTS && c.kind() == Kind.DETECTED) {
                detected.addAll(c.items());
                inventory.addAll(c.bullets());
            } else if (c.role() == Role.COUNTS && c.kind() == Kind.ATTACK) {
                attack.addAll(c.items());
                attack.addAll(c.bullets());
            }
        }
        List<Item> source;
        if (!inventory.isEmpty()) {
            source = inventory;
            restate(detected, Check.RADAR_INVENTORY);
            restate(attack, Check.STATED_TOTAL);
        } else if (!totals(attack).equals(attack)) {
            source = attack;
            restate(detected, Check.RADAR_INVENTORY);
        } else {
            source = detected;
            restate(attack, Check.STATED_TOTAL);
        }
        crossChecks.restated(totals(source), Measure.LAUNCHED, source == attack ? Check.STATED_TOTAL : Check.RADAR_INVENTORY);
        List<Item> items = source.stream().filter(i -> i.head != Head.TOTAL).toList();
        boolean namedMissiles = items.stream().map(this::weapon).anyMatch(w -> !w.drone() && w.spelling() != null && !w.models().isEmpty());
        for (Item item : items) {
            if (item.head == Head.ELLIPTIC) {
                reading.warnings.add("not counted: " + item.where() + ", a count without a weapon among the launched (a part of the one before)");
                continue;
            }
            Weapon w = weapon(item);
            if (w.spelling() == null && item.head == Head.MISSILE && namedMissiles) {
                restated.add(item); // "74 ракети" beside the named missiles: a subtotal, checked against them
                crossChecks.restated(List.of(item), Measure.LAUNCHED, Check.STATED_TOTAL);
                continue;
            }
            if (w.spelling() == null && item.head == Head.MISSILE) {
                w = Weapon.UNKNOWN_MISSILE;
            }
            if (w.spelling() == null) {
                continue; // already a problem: a weapon this reader does not know, or a count it cannot attribute
            }
            if (w.models().isEmpty() && !w.drone()) {
                reading.warnings.add("'" + item.quote() + "' names no model: stored as " + w.spelling());
            }
            launched(item, w);
        }
    }

    private void restate(List<Item> items, Check check) {
        restated.addAll(items.stream().filter(i -> i.head != Head.TOTAL).toList());
        crossChecks.restated(items, Measure.LAUNCHED, check);
    }

    private void launched(Item item, Weapon w) {
        LineDraft line = reading.lines.find(w.spelling());
        Integer count = item.stated();
        remarks.approximate(item, Measure.LAUNCHED);
        if (line == null) {
            line = reading.lines.add(w);
            line.launched = count;
        } else if (item.approximate && line.launched != null) {
            return; // "310 БпЛА …, з яких понад 100 реактивні БпЛА": a part of the count, said approximately (and warned about)
        } else {
            reading.warnings.add(w.spelling() + " is named twice among the launched; the counts are added");
            line.launched = line.launched == null || count == null ? null : line.launched + count;
        }
        if (item.countless()) {
            unnumbered(line, item);
        }
    }

    /** A weapon named without a number: withheld where the Air Force withholds, else to be counted from elsewhere. */
    private void unnumbered(LineDraft line, Item item) {
        if (withholds(line)) {
            line.withheld = true;
        } else if (line.unnumbered == null) {
            line.unnumbered = item;
        }
    }

    /** Since August 2026 the Air Force names missiles without their number; it has never withheld the drones. */
    private boolean withholds(LineDraft line) {
        return reading.withholding() && !line.drone;
    }

    /**
     * A weapon named without a number, withheld or not, takes its count from a sentence that restates
     * it ("Всього зафіксовано 43 ударні БпЛА", the radar's "10 ракет" beside the one missile line).
     */
    private void counted() {
        for (LineDraft line : reading.lines.all()) {
            for (Item item : restated) {
                if ((line.unnumbered != null || line.withheld) && line.launched == null && item.stated() != null && !item.approximate
                        && reading.lines.covered(item).equals(List.of(line))) {
                    line.launched = item.stated();
                    line.withheld = false;
                }
            }
        }
    }

    /** A weapon named without a number whose count nothing in the post gives ("знищено 11 з 14" gives it): the post cannot be read. */
    private void unnumbered() {
        for (LineDraft line : reading.lines.all()) {
            if (line.unnumbered != null && line.launched == null) {
                reading.problems.add("launched: " + line.unnumbered.where() + " names no number and nothing else in the post gives one"
                        + " (the Air Force withholds only missile counts, since August 2026)");
            }
        }
    }

    // --- stopped ---

    private void stopped(List<Item> items, Measure measure) {
        for (Item item : items) {
            if (item.head == Head.TOTAL && item.all) {
                stoppedAll(item, measure);
            }
            if (item.head == Head.TOTAL) {
                continue;
            }
            LineDraft line = line(item);
            if (line == null) {
                continue;
            }
            // "всі вони знищені": all of the count named before, else all that was launched
            Integer count = !item.all ? item.stated() : item.antecedent != null && item.antecedent.stated() != null ? item.antecedent.stated()
                    : line.launched;
            if (item.all && count == null) {
                reading.problems.add("stopped: " + item.where() + " stops all, but how many were launched is not known");
                continue;
            }
            remarks.approximate(item, measure);
            if (item.countless()) {
                if (!withholds(line)) {
                    reading.problems.add("stopped: " + item.where() + " names no number");
                    continue;
                }
                line.withheld = true;
            }
            if (line.get(measure) != null && item.approximate) {
                continue; // a part of the count, said approximately (and warned about)
            }
            if (line.get(measure) != null && count != null) {
                reading.warnings.add(line.spelling + " is named twice as " + measure.words + "; the counts are added");
                count += line.get(measure);
            }
            line.set(measure, count);
            if (item.of != null) {
                if (line.launched == null) {
                    line.launched = item.of; // "знищено 11 з 14": the 14 were launched, named or withheld without a number before
                    line.withheld = false;
                } else {
                    crossChecks.destroyedOf(item, line);
                }
            }
        }
    }

    /** "Усі цілі було збито": every line, all that was launched of it. */
    private void stoppedAll(Item item, Measure measure) {
        for (LineDraft line : reading.lines.all()) {
            if (line.launched == null) {
                reading.problems.add("stopped: " + item.where() + " stops all, but how many of " + line.spelling + " were launched is not known");
            } else if (line.get(measure) == null) {
                line.set(measure, line.launched);
            }
        }
    }

    /** "2 ворожі БпЛА полетіли в бік Білорусі". */
    private void left(List<Item> items, String country) {
        for (Item item : items) {
            LineDraft line = item.head == Head.TOTAL ? null : line(item);
            if (line == null) {
                continue;
            }
            remarks.approximate(item, null);
            if (item.stated() != null && !item.approximate) {
                line.leftAirspace.merge(country, item.stated(), Integer::sum);
            } else if (item.countless()) {
                reading.problems.add("left the airspace: " + item.where() + " names no number");
            }
        }
    }

    /** The line a stopped mention belongs to, its weapon's or, for a count without a noun, the weapon's named before it; null is a problem. */
    private LineDraft line(Item item) {
        LineDraft line;
        if (item.head == Head.ELLIPTIC) {
            line = item.antecedent != null ? reading.lines.match(item.antecedent, weapon(item.antecedent))
                    : reading.lines.all().size() == 1 ? reading.lines.all().get(0) : null;
        } else {
            line = reading.lines.match(item, weapon(item));
        }
        if (line == null) {
            reading.problems.add("stopped: cannot tell which weapon " + item.where() + " belongs to");
        }
        return line;
    }

    private Weapon weapon(Item item) {
        return reading.lines.weapon(item);
    }

    private static List<Item> totals(List<Item> items) {
        return items.stream().filter(i -> i.head == Head.TOTAL).toList();
    }
}
