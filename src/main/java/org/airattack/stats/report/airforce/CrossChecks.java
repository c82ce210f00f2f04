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

/**
 * The figures a post states twice, checked against its lines once they are read: the headline
 * ("⚡️ ЗБИТО/ПОДАВЛЕНО 524 ЦІЛІ: 48 РАКЕТ ТА 476 ВОРОЖИХ БПЛА", "Знищено 16 з 21"), a total or
 * subtotal beside the items ("177 цілей – 3 … та 174 …", "524 цілі – 48 ракет та 476
 * безпілотників:"), the radar inventory ("зафіксовано 570 засобів – 74 ракети і 496 БпЛА"), a
 * launch sentence the radar's bullets restate, and the "M" of "знищено N з M". They are never added
 * to the lines; each one that disagrees is a {@link Disagreement}.
 */
final class CrossChecks {

    /** Mentions that restate the lines' figures of one measure, checked when every line is read. */
    private record Restated(List<Item> items, Measure measure, Check check) {
    }

    private final PostReading reading;
    private final List<Restated> restated = new ArrayList<>();

    CrossChecks(PostReading reading) {
        this.reading = reading;
    }

    /** Mentions that restate what the lines say of a measure: totals, subtotals by kind, or the weapons again. */
    void restated(List<Item> items, Measure measure, Check check) {
        if (!items.isEmpty()) {
            restated.add(new Restated(items, measure, check));
        }
    }

    /** "знищено 16 з 21": the 21 against the launched figure of the line it belongs to. */
    void destroyedOf(Item item, LineDraft line) {
        if (line.launched != null && !item.of.equals(line.launched)) {
            reading.disagree(new Disagreement(Check.DESTROYED_OF, item.quote(), Measure.LAUNCHED.words, item.of, line.launched));
        }
    }

    /** Checks what was restated, and the headline, against the lines as read. */
    void check() {
        for (Restated r : restated) {
            for (Item item : r.items()) {
                check(item, r.measure(), r.check(), item.quote());
            }
        }
        for (Clause c : reading.clauses) {
            if (c.role() == Role.HEADLINE && c.kind() == Kind.STOPPED) {
                for (Item item : c.items()) {
                    check(item, c.measure(), Check.HEADLINE, item.head == Head.TOTAL ? c.sentence().quote() : item.quote());
                }
            }
        }
    }

    private void check(Item item, Measure measure, Check check, String quote) {
        List<LineDraft> covered = reading.lines.covered(item);
        compare(item.stated(), sum(covered, measure), measure, check, quote);
        if (item.of != null) {
            compare(item.of, sum(covered, Measure.LAUNCHED), Measure.LAUNCHED, check, quote);
        }
    }

    private void compare(Integer stated, Integer read, Measure measure, Check check, String quote) {
        if (stated != null && read != null && !stated.equals(read)) {
            reading.disagree(new Disagreement(check, quote, measure.words, stated, read));
        }
    }

    /** The lines' figure: what they add up to, 0 for lines that state nothing of it; null when a withheld one is missing from it. */
    private static Integer sum(List<LineDraft> lines, Measure measure) {
        int sum = 0;
        for (LineDraft l : lines) {
            Integer v = l.value(measure);
            if (v == null && l.withheld) {
                return null;
            }
            sum += v == null ? 0 : v;
        }
        return sum;
    }
}
