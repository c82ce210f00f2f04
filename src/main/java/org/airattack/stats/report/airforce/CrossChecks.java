package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.report.airforce.Disagreement.Check;
import org.airattack.stats.report.airforce.LineDraft.Measure;
import org.airattack.stats.report.airforce.PostItems.Head;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * The figures a post states twice, checked against its items once they are read: the headline
 * ("⚡️ ЗБИТО/ПОДАВЛЕНО 96 ЦІЛЕЙ"), a total beside the items ("177 цілей – 3 … та 174 …"), the
 * radar inventory ("зафіксовано 570 засобів"), and the "M" of "знищено N з M". They are never added
 * to the lines; each one that disagrees is a {@link Disagreement}.
 */
final class CrossChecks {

    private static final Pattern HEADLINE = Pattern.compile(PostText.wordStart("з") + "збито\\s*/\\s*подавлено\\s+(" + UkrainianCounts.COUNT + ")\\s+(?:ціл|ворож|бпла|безпілот)");

    /** A total stated beside the items of one measure, checked when every line is read. */
    private record Stated(List<Item> totals, Measure measure, Check check) {
    }

    private final PostReading reading;
    private final List<Stated> stated = new ArrayList<>();

    CrossChecks(PostReading reading) {
        this.reading = reading;
    }

    /** Totals ("цілей", "засобів") read beside the items of a measure; the others are ignored. */
    void stated(List<Item> items, Measure measure, Check check) {
        List<Item> totals = items.stream().filter(i -> i.head == Head.TOTAL && i.count != null).toList();
        if (!totals.isEmpty()) {
            stated.add(new Stated(totals, measure, check));
        }
    }

    /** "знищено 16 з 21": the 21 against the launched figure of the line it belongs to. */
    void destroyedOf(Item item, LineDraft line) {
        if (line.launched != null && !item.of.equals(line.launched)) {
            reading.disagree(new Disagreement(Check.DESTROYED_OF, item.quote(), Measure.LAUNCHED.words, item.of, line.launched));
        }
    }

    /** Checks what was stated against the lines as read. */
    void check() {
        PostLines lines = reading.lines;
        for (Stated s : stated) {
            for (Item total : s.totals()) {
                Integer sum = lines.sum(l -> l.get(s.measure()));
                if (sum != null && sum.intValue() != total.count) {
                    reading.disagree(new Disagreement(s.check(), total.quote(), s.measure().words, total.count, sum));
                }
                if (total.of != null) {
                    Integer launched = lines.sum(l -> l.launched);
                    if (launched != null && launched.intValue() != total.of) {
                        reading.disagree(new Disagreement(s.check(), total.quote(), Measure.LAUNCHED.words, total.of, launched));
                    }
                }
            }
        }
        headline();
    }

    /** The headline's figure ("⚡️ ЗБИТО/ПОДАВЛЕНО 96 ЦІЛЕЙ"), against the neutralised items. */
    private void headline() {
        for (Sentence s : reading.before()) {
            Matcher m = HEADLINE.matcher(s.lower());
            if (m.find()) {
                Integer headline = UkrainianCounts.value(m.group(1));
                Integer sum = reading.lines.sum(l -> l.neutralised);
                if (headline != null && sum != null && !headline.equals(sum)) {
                    reading.disagree(new Disagreement(Check.HEADLINE, s.quote(), Measure.NEUTRALISED.words, headline, sum));
                }
                return;
            }
        }
    }
}
