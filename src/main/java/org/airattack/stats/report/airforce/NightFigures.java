package org.airattack.stats.report.airforce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * The night's hit and debris locations: "Зафіксовано влучання … на 12 локаціях, а також падіння
 * збитих (уламки) на 6 локаціях". They belong to the night, so they go on one line (the drones', as
 * the dataset files them).
 */
final class NightFigures {

    private static final Pattern HITS = Pattern.compile(PostText.wordStart("н") + "на\\s*(" + UkrainianCounts.COUNT + ")\\s*локаці");
    private static final Pattern DEBRIS = Pattern.compile(PostText.wordStart("н") + "на\\s*(" + UkrainianCounts.COUNT + ")(?=\\s*(?:локаці|[.;,!)]|$))");

    private NightFigures() {
    }

    static void read(PostReading reading) {
        Integer hits = null;
        Integer debris = null;
        for (Sentence s : reading.after()) {
            String lower = s.lower();
            int hit = lower.indexOf("влучан");
            int fall = lower.indexOf("падіння");
            if (hit >= 0 && hits == null) {
                Matcher m = HITS.matcher(lower).region(hit, fall > hit ? fall : lower.length());
                if (m.find()) {
                    hits = UkrainianCounts.value(m.group(1));
                }
            }
            if (fall >= 0 && debris == null) {
                Matcher m = DEBRIS.matcher(lower).region(fall, lower.length());
                if (m.find()) {
                    debris = UkrainianCounts.value(m.group(1));
                }
            }
        }
        if (hits != null || debris != null) {
            LineDraft line = reading.lines.nightLine();
            line.hits = hits;
            line.debris = debris;
        }
    }
}
