package org.airattack.stats.report.airforce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.report.airforce.LineDraft.Measure;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * What a post says that is not a count of a weapon line, turned into figures where it is exact and
 * into warnings where it is not: what is still in the air ("ще перебувають 8 ворожих БпЛА",
 * "декілька"), "Атака триває", approximate counts ("близько 10"), and what it says without counting
 * ("три ракети не досягли своїх цілей", "уточнюється").
 */
final class PostRemarks {

    private static final Pattern AIRSPACE = Pattern.compile("повітряному\\s+просторі");
    private static final Pattern ONGOING = Pattern.compile("атака\\s+триває");
    private static final Pattern NOT_COUNTED = Pattern.compile(PostText.wordStart("н") + "не\\s+досяг|уточнюється");

    private final PostReading reading;

    PostRemarks(PostReading reading) {
        this.reading = reading;
    }

    /** "близько 10 баражуючих боєприпасів": said, not stored. */
    void approximate(Item item, Measure measure) {
        if (item.approximate) {
            reading.warnings.add("'" + item.quote() + "': an approximate count, not stored as " + measure.words);
        }
    }

    void read() {
        airspace();
        notCounted();
    }

    /** "В повітряному просторі ще перебувають 8 ворожих БпЛА" is a count; "декілька", "близько 10" and "Атака триває" are warnings. */
    private void airspace() {
        String remark = null;
        boolean ongoing = false;
        for (Sentence s : reading.after()) {
            ongoing |= ONGOING.matcher(s.lower()).find();
            Matcher air = AIRSPACE.matcher(s.lower());
            if (remark != null || !air.find()) {
                continue;
            }
            Matcher m = PostItems.ITEM.matcher(s.lower()).region(air.end(), s.lower().length()).useTransparentBounds(true);
            boolean found = m.find();
            Integer count = found && m.group("approx") == null ? UkrainianCounts.value(m.group("count")) : null;
            if (count != null) {
                LineDraft line = m.group("drone") != null ? reading.lines.nightLine() : reading.lines.all().get(0);
                line.stillAirborne = count;
            } else {
                remark = s.quote();
            }
        }
        if (remark != null) {
            reading.warnings.add("still in the air when posted: '" + remark + "' (not an exact count, nothing stored); the figures are provisional");
        } else if (ongoing) {
            reading.warnings.add("'Атака триває': the attack was still going on when posted; the figures are provisional");
        }
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
