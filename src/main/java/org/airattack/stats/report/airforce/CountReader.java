package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.report.airforce.Disagreement.Check;
import org.airattack.stats.report.airforce.LineDraft.Measure;
import org.airattack.stats.report.airforce.PostItems.Head;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.PostLines.Weapon;
import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * Reads the weapon lines of a report: launched per weapon from "противник атакував …" or the radar
 * inventory's bullets, and what was stopped from "збито/подавлено" (neutralised),
 * "знищено"/"підтверджено збиття" (shot down) and "локаційно втрачені" (suppressed).
 */
final class CountReader {

    static final Pattern LAUNCHED = Pattern.compile(PostText.wordStart("пв") + "(?:противник|ворог)\\s+(?:також\\s+)?(?:атакува(?:в|ла|ли)|застосува(?:в|ла|ли)|випусти(?:в|ла|ли)|запусти(?:в|ла|ли))(?!\\p{L})");
    static final Pattern INVENTORY = Pattern.compile(PostText.wordStart("звв") + "(?:зафіксовано|виявлено(?:\\s+та\\s+(?:здійснено\\s+)?супровід)?|здійснено\\s+супровід)\\s+(?="
            + UkrainianCounts.COUNT + "\\s+засоб)");
    static final Pattern DOWNED = Pattern.compile(PostText.wordStart("зп") + "(?:(?<combined>збито\\s*/\\s*подавлено|збито\\s+(?:або|чи|та)\\s+подавлено)"
            + "|підтверджено\\s+збиття|знищено|збито)(?!\\p{L})");
    private static final Pattern LOST = Pattern.compile(PostText.wordStart("л") + "локаційно\\s+втрачен\\p{L}*+(?:\\s*[–-])?");
    private static final Pattern ALSO = Pattern.compile("^[^\\p{L}]*(?:а\\s+)?також(?!\\p{L})");

    private final PostReading reading;
    private final CrossChecks crossChecks;
    private final PostRemarks remarks;

    CountReader(PostReading reading, CrossChecks crossChecks, PostRemarks remarks) {
        this.reading = reading;
        this.crossChecks = crossChecks;
        this.remarks = remarks;
    }

    /** True when a sentence from the header on says what was launched or stopped: the post is a report with counts to read. */
    static boolean statesCounts(List<Sentence> sentences, PostWindow window) {
        for (Sentence s : sentences.subList(window.sentence(), sentences.size())) {
            int from = s.index() == window.sentence() ? window.after() : 0;
            if (!s.bullet() && (LAUNCHED.matcher(s.lower()).find(from) || INVENTORY.matcher(s.lower()).find(from)
                    || DOWNED.matcher(s.lower()).find(from))) {
                return true;
            }
        }
        return false;
    }

    void read() {
        launched();
        downed();
        suppressed();
    }

    // --- launched ---

    /** The radar inventory's bullets when there are any, else every "противник атакував …" clause. */
    private void launched() {
        List<Item> items = new ArrayList<>();
        List<Item> totals = new ArrayList<>();
        List<Item> inventoryItems = new ArrayList<>();
        boolean inventory = false;
        for (Sentence s : reading.after()) {
            Matcher m = INVENTORY.matcher(s.lower());
            if (!reading.used(s) && m.find(reading.from(s))) {
                reading.use(s);
                inventory = true;
                totals.addAll(reading.clause(s, m.end(), s.text().length(), "launched"));
                inventoryItems.addAll(reading.bullets(s, "launched"));
            }
        }
        if (!inventoryItems.isEmpty()) {
            items.addAll(inventoryItems);
        } else {
            for (Sentence s : reading.after()) {
                Matcher m = LAUNCHED.matcher(s.lower());
                if (reading.used(s) || !m.find(reading.from(s))) {
                    continue;
                }
                reading.use(s);
                Matcher downed = DOWNED.matcher(s.lower());
                int end = downed.find(m.end()) ? downed.start() : s.text().length();
                items.addAll(reading.clause(s, m.end(), end, "launched"));
                if (s.lower().substring(m.end(), end).strip().endsWith(":")) {
                    items.addAll(reading.bullets(s, "launched"));
                } else {
                    for (int i = s.index() + 1; i < reading.sentences.size() && s.line() == reading.sentences.get(i).line()
                            && ALSO.matcher(reading.sentences.get(i).lower()).find(); i++) {
                        Sentence also = reading.sentences.get(i);
                        reading.use(also);
                        items.addAll(reading.clause(also, 0, also.text().length(), "launched"));
                    }
                }
            }
        }
        totals.addAll(items.stream().filter(i -> i.head == Head.TOTAL).toList());
        items.removeIf(i -> i.head == Head.TOTAL);
        crossChecks.stated(totals, Measure.LAUNCHED, inventory ? Check.RADAR_INVENTORY : Check.STATED_TOTAL);
        List<Weapon> weapons = items.stream().map(reading.lines::weapon).toList();
        boolean namedMissiles = weapons.stream().anyMatch(w -> !w.drone() && w.spelling() != null);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Weapon w = weapons.get(i);
            if (w.spelling() == null && item.head != Head.MISSILE) {
                continue; // already a problem: a munition with no name this reader knows
            }
            if (w.spelling() == null && namedMissiles) {
                continue; // "74 ракети" beside the named missiles: a subtotal
            }
            if (w.spelling() == null) {
                w = Weapon.UNKNOWN_MISSILE;
            }
            if (w.models().isEmpty() && !w.drone()) {
                reading.warnings.add("'" + item.quote() + "' names no model: stored as " + w.spelling());
            }
            launched(item, w);
        }
    }

    private void launched(Item item, Weapon w) {
        LineDraft line = reading.lines.find(w.spelling());
        Integer count = item.stated();
        remarks.approximate(item, Measure.LAUNCHED);
        if (line == null) {
            line = reading.lines.add(w);
            line.launched = count;
            line.withheld = item.countless();
            return;
        }
        reading.warnings.add(w.spelling() + " is named twice among the launched; the counts are added");
        line.launched = line.launched == null || count == null ? null : line.launched + count;
        line.withheld |= item.countless();
    }

    // --- stopped ---

    private void downed() {
        for (Sentence s : reading.after()) {
            Matcher m = DOWNED.matcher(s.lower());
            if (!m.find(reading.from(s))) {
                continue;
            }
            reading.use(s);
            Measure measure = m.group("combined") != null ? Measure.NEUTRALISED : Measure.SHOT_DOWN;
            String rest = s.lower().substring(m.end());
            int end = s.text().length();
            int semicolon = rest.indexOf(';');
            if (semicolon >= 0 && LOST.matcher(rest.substring(semicolon)).find()) {
                end = m.end() + semicolon; // "…; 22 ворожі БпЛА – локаційно втрачені": read as suppressed
            }
            List<Item> items = reading.clause(s, m.end(), end, "stopped");
            List<Item> totals = new ArrayList<>(items);
            if (s.lower().substring(m.end(), end).strip().endsWith(":")) {
                items = reading.bullets(s, "stopped");
            }
            stopped(items, measure);
            crossChecks.stated(totals, measure, Check.STATED_TOTAL);
        }
    }

    private void suppressed() {
        for (Sentence s : reading.after()) {
            String lower = s.lower();
            Matcher lost = LOST.matcher(lower);
            if (!lost.find(reading.from(s))) {
                continue;
            }
            int from = Math.max(reading.from(s), lower.lastIndexOf(';', lost.start()) + 1);
            Matcher downed = DOWNED.matcher(lower);
            if (downed.find(from) && downed.start() < lost.start()) {
                continue; // "збито 42, 21 – локаційно втрачені" without a ';' between: the downed clause could not read it
            }
            char[] text = s.text().toCharArray();
            char[] low = lower.toCharArray();
            for (int i = lost.start(); i < lost.end(); i++) {
                text[i] = ' ';
                low[i] = ' ';
            }
            reading.use(s);
            stopped(reading.read(new String(text, from, text.length - from), new String(low, from, low.length - from), "suppressed"),
                    Measure.SUPPRESSED);
        }
    }

    private void stopped(List<Item> items, Measure measure) {
        for (Item item : items) {
            if (item.head == Head.TOTAL) {
                continue;
            }
            Weapon w = reading.lines.weapon(item);
            LineDraft line = reading.lines.match(item, w);
            if (line == null) {
                reading.problems.add("stopped: cannot tell which weapon '" + item.quote() + "' belongs to");
                continue;
            }
            Integer count = item.stated();
            remarks.approximate(item, measure);
            if (item.countless()) {
                line.withheld = true;
            }
            if (line.get(measure) != null && count != null) {
                reading.warnings.add(line.spelling + " is named twice as " + measure.words + "; the counts are added");
                count += line.get(measure);
            }
            line.set(measure, count);
            if (item.of != null) {
                if (line.launched == null && !line.withheld) {
                    line.launched = item.of;
                } else {
                    crossChecks.destroyedOf(item, line);
                }
            }
        }
    }
}
