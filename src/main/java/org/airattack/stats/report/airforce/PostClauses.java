package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.report.airforce.LineDraft.Measure;
import org.airattack.stats.report.airforce.PostItems.Head;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * Cuts a post's sentences into clauses: a marker that says what its mentions are, and the mentions
 * it governs. The markers: "противник (окупанти, ворог, …) атакував" (launched), "зафіксовано N"
 * (detected by radar), "збито/подавлено", "знешкоджено" (neutralised), "знищено", "підтверджено
 * збиття" (shot down), "локаційно втрачені" (suppressed), "полетіли в бік Білорусі" (left the
 * airspace) and "в повітряному просторі" (still airborne). A marker's mentions follow it when a
 * count or a weapon stands after it before the list breaks ("знищено 16 з 21 БпЛА", "локаційно
 * втрачено – 21 БпЛА"); otherwise they stand before it, from where the list before it breaks ("…; 22
 * ворожі БпЛА – локаційно втрачені", "43 ударні БпЛА, з них 37 знищено", "Усі чотирнадцять знищено").
 * The headline is cut the same way; so is a bullet point that has markers of its own, and then the
 * sentence above the bullets only states their totals.
 */
final class PostClauses {

    /** What a clause states about its mentions. */
    enum Kind {
        ATTACK, DETECTED, STOPPED, LEFT, AIRBORNE
    }

    /** What a clause's counts are to the lines. */
    enum Role {
        /** The counts themselves. */
        COUNTS,
        /** Totals of counts read elsewhere in the body ("знешкоджено 354 засоби, 158 збито:" above bullets that break them down). */
        TOTALS,
        /** The headline above the window's header: a cross-check only. */
        HEADLINE
    }

    /**
     * One marker and its mentions.
     *
     * @param kind     what the marker states
     * @param measure  for an attack, a detection and what was stopped: the measure; null otherwise
     * @param country  for {@link Kind#LEFT}: where they flew ("belarus"); null otherwise
     * @param sentence the sentence it stands in
     * @param role     what its counts are to the lines
     * @param items    the mentions in the sentence
     * @param bullets  the mentions of the bullet points under it, when it ends with a colon
     */
    record Clause(Kind kind, Measure measure, String country, Sentence sentence, Role role, List<Item> items, List<Item> bullets) {

        /** The bullets when there are any (the clause's own mentions are then a total or a restatement), else the mentions. */
        List<Item> listed() {
            return bullets.isEmpty() ? items : bullets;
        }
    }

    private record Marker(Kind kind, Measure measure, String country, int start, int end) {
    }

    /** The last marker of a sentence, and whether the sentence ends before the list it opens does (a line broken mid-sentence). */
    private record Open(Marker marker, boolean after, boolean unfinished) {
    }

    private static final String ATTACKER = "(?:противник|ворог|окупа\\p{L}*+|рашист\\p{L}*+|загарбник\\p{L}*+|терорист\\p{L}*+|агресор|росія|росіяни"
            + "|рф|армія|війська)";
    private static final String ATTACKED = "(?:(?:атакува|застосува|випусти|запусти|використа)(?:в|ла|ли)"
            + "|завда(?:в|ла|ли)\\s+(?:[\\p{L}-]++\\s+){0,2}?удар\\p{L}*+)";
    /** "противником було запущено", and "всього було випущено 84 крилаті ракети" with the count right after. */
    private static final String ATTACKED_BY = "(?:противником|ворогом|окупантами|рашистами|загарбниками|терористами|агресором)\\s+(?:було\\s+)?"
            + "(?:запущено|випущено|застосовано|використано)|(?:запущено|випущено|застосовано|використано)\\s+(?=" + UkrainianCounts.COUNT + "\\s)";
    /** "зафіксовано 570 засобів", "виявлено та здійснено супровід 81 БпЛА", "зафіксовано пуски 9 БпЛА", "Усього – 30 засобів". */
    private static final String DETECTED = "(?:(?:зафіксовано|виявлено(?:\\s+та\\s+(?:здійснено\\s+)?супровід)?|здійснено\\s+супровід)\\s+"
            + "(?:(?:за)?пуск\\p{L}*+\\s+)?|(?:усього|всього|загалом)\\s*[–-]\\s*)"
            + "(?=(?:(?:" + UkrainianCounts.APPROX + ")\\s+)?" + UkrainianCounts.COUNT
            + "\\s+(?!влучан|падін|уламк|попадан))";
    private static final String COMBINED = "збито\\s*/\\s*подавлено|збито\\s+(?:або|чи|та)\\s+подавлено|знешкоджено";
    private static final String DOWNED = "підтверджено\\s+(?:збиття|знищення)|(?:вдалося\\s+)?(?:знищити|збити)|(?:знищен|збит)(?:о|і|ий|а)"
            + "|збили|знищили";
    private static final String LOST = "локаційно\\s+втрачен\\p{L}*+(?:\\s*[–-])?";
    /** "полетіли в бік Білорусі", "вилетіли за межі повітряного простору в бік Молдови", and after a dash "… – у бік Румунії". */
    private static final String LEFT = "(?:(?:полетіл\\p{L}*+|полетів|вилетіл\\p{L}*+|вилетів|відлетіл\\p{L}*+|відлетів|залетіл\\p{L}*+|залетів"
            + "|перелетіл\\p{L}*+|перелетів|повернул\\p{L}*+|повернувся|пішл\\p{L}*+|пішов|попрямува\\p{L}*+|перетнул\\p{L}*+|перетнув)"
            + "(?:\\s+\\p{L}++){0,8}?\\s+|(?<=[–-]\\s{0,2})(?:у|в)\\s+(?:бік|напрямку)\\s+(?:\\p{L}++\\s+){0,2}?)"
            + "(?<country>білорус|рф|росі|молдов|румуні|польщ)\\p{L}*+";
    private static final String AIRBORNE = "(?:в|у)\\s+повітряному\\s+просторі(?:\\s+україни)?";
    /** Every marker, each where a word starts. */
    private static final Pattern MARKER = Pattern.compile(PostText.wordStart("пворзалут") + "(?:(?<attack>" + ATTACKER
            + ",?(?:\\s+\\p{L}++){0,2}?\\s+" + ATTACKED + "|" + ATTACKED_BY + ")|(?<detected>" + DETECTED + ")|(?<combined>" + COMBINED + ")"
            + "|(?<downed>" + DOWNED + ")|(?<lost>" + LOST + ")|(?<left>" + LEFT + ")|(?<airborne>" + AIRBORNE + "))(?!\\p{L})");
    private static final Map<String, String> COUNTRIES = Map.of("білорус", "belarus", "рф", "russia", "росі", "russia",
            "молдов", "moldova", "румуні", "romania", "польщ", "poland");
    /** Where a list breaks: punctuation (not the dot or colon of "07.30"), and the words that join its parts. */
    private static final Pattern BREAK = Pattern.compile("[,;]|[.:](?=\\s|$)|(?<=\\s)(?:та|і|й|а\\s+також)(?=\\s)");
    private static final Pattern ALSO = Pattern.compile("^[^\\p{L}]*(?:а\\s+)?також(?!\\p{L})");
    /** How a finished sentence ends. */
    private static final Pattern FINISHED = Pattern.compile("[.!?…;:)]\\s*$");

    private final PostReading reading;
    private final List<Clause> clauses = new ArrayList<>();

    private PostClauses(PostReading reading) {
        this.reading = reading;
    }

    /** The clauses of a post: the headline's, then those from the window's header on, in the order they stand. */
    static List<Clause> read(PostReading reading) {
        PostClauses c = new PostClauses(reading);
        for (Sentence s : reading.before()) {
            c.sentence(s, null, Role.HEADLINE);
        }
        Open open = null;
        for (Sentence s : reading.fromHeader()) {
            if (!reading.used(s)) {
                open = c.sentence(s, open, Role.COUNTS);
            }
        }
        return List.copyOf(c.clauses);
    }

    /** True when a sentence from the header on holds a marker of a count: the post is a report with counts to read. */
    static boolean statesCounts(List<Sentence> sentences, PostWindow window) {
        for (Sentence s : sentences.subList(window.sentence(), sentences.size())) {
            Matcher m = MARKER.matcher(s.lower());
            for (boolean found = m.find(s.index() == window.sentence() ? window.after() : 0); found; found = m.find()) {
                if (m.start("airborne") < 0 && m.start("left") < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The clauses of one sentence. A sentence without a marker goes on with the list the sentence
     * before opened when it says "Також …" after an attack, or when the line broke before the list.
     */
    private Open sentence(Sentence s, Open previous, Role role) {
        List<Marker> markers = markers(s, role == Role.HEADLINE ? 0 : reading.from(s));
        if (markers.isEmpty()) {
            if (role == Role.HEADLINE || !continues(s, previous)) {
                return null;
            }
            Marker m = previous.marker();
            markers = List.of(new Marker(m.kind(), m.measure(), m.country(), 0, 0));
        }
        if (role != Role.HEADLINE) {
            reading.use(s);
        }
        int count = markers.size();
        boolean[] after = new boolean[count];
        for (int i = 0; i < count; i++) {
            Marker m = markers.get(i);
            int limit = i + 1 < count ? markers.get(i + 1).start() : s.text().length();
            after[i] = m.end() == 0 || m.kind() == Kind.ATTACK || m.kind() == Kind.DETECTED || mentionsAhead(s, m.end(), limit);
        }
        boolean breaksDown = role == Role.COUNTS && bulletsWithMarkers(s);
        List<Item> named = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Marker m = markers.get(i);
            int from;
            int to;
            if (after[i]) {
                from = m.end();
                to = i + 1 == count ? s.text().length() : after[i + 1] ? markers.get(i + 1).start() : before(s, markers, after, i + 1);
            } else {
                from = before(s, markers, after, i);
                to = m.start();
            }
            String what = switch (m.kind()) {
                case ATTACK, DETECTED -> "launched";
                case STOPPED -> "stopped";
                case LEFT -> "left the airspace";
                case AIRBORNE -> "still airborne";
            };
            List<Item> items = role == Role.HEADLINE ? headline(s, from, to) : reading.clause(s, from, to, what);
            List<Item> bullets = role == Role.COUNTS && !breaksDown && after[i] && i + 1 == count
                    && s.lower().substring(from, to).strip().endsWith(":") ? reading.bullets(s, what) : List.of();
            named.addAll(items);
            named.addAll(bullets);
            clauses.add(new Clause(m.kind(), m.measure(), m.country(), s, breaksDown ? Role.TOTALS : role, items, bullets));
        }
        antecedents(named);
        Marker last = markers.get(count - 1);
        return new Open(last, after[count - 1], !FINISHED.matcher(s.text()).find());
    }

    /** The headline's mentions: what it cannot read is a warning, as the headline is only a cross-check. */
    private List<Item> headline(Sentence s, int from, int to) {
        PostItems.Reading r = PostItems.read(s.text().substring(from, to), s.lower().substring(from, to));
        r.unread().forEach(u -> reading.warnings.add("the headline '" + s.quote() + "': could not read '" + u + "', not checked"));
        r.items().forEach(item -> item.sentence = s.quote());
        return r.items();
    }

    private boolean continues(Sentence s, Open previous) {
        if (previous == null || !previous.after() || s.index() == 0) {
            return false;
        }
        Sentence before = reading.sentences.get(s.index() - 1);
        boolean also = previous.marker().kind() == Kind.ATTACK && before.line() == s.line() && ALSO.matcher(s.lower()).find();
        return also || previous.unfinished() && before.line() + 1 == s.line();
    }

    /** True when the bullet points under a sentence have markers of their own: each is then read as a sentence. */
    private boolean bulletsWithMarkers(Sentence s) {
        if (!s.lower().strip().endsWith(":")) {
            return false;
        }
        for (int i = s.index() + 1; i < reading.sentences.size() && reading.sentences.get(i).bullet(); i++) {
            if (!markers(reading.sentences.get(i), 0).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Where the mentions before marker {@code i} start: after the marker before it, or where the list it ends breaks. */
    private int before(Sentence s, List<Marker> markers, boolean[] after, int i) {
        int from = i == 0 ? reading.from(s) : markers.get(i - 1).end();
        if (i == 0 || !after[i - 1]) {
            return from;
        }
        // the marker before governs the list up to its last break; with no break, this marker has nothing before it
        int start = markers.get(i).start();
        Matcher b = BREAK.matcher(s.lower()).region(from, start);
        while (b.find()) {
            start = b.end();
        }
        return start;
    }

    /** True when a count or a weapon follows a marker before its list breaks: its mentions stand after it. */
    private static boolean mentionsAhead(Sentence s, int from, int to) {
        Matcher b = BREAK.matcher(s.lower()).region(from, to);
        int end = b.find() ? b.start() : to;
        return s.lower().substring(from, to).strip().startsWith(":") || PostItems.mentions(s.lower().substring(from, end));
    }

    /** For each count without a noun, the mention before it in its sentence that names its weapon. */
    private static void antecedents(List<Item> items) {
        Item named = null;
        for (Item item : items) {
            if (item.head == Head.ELLIPTIC) {
                item.antecedent = named;
            } else if (item.head != Head.TOTAL) {
                named = item;
            }
        }
    }

    private static List<Marker> markers(Sentence s, int from) {
        List<Marker> markers = new ArrayList<>();
        Matcher m = MARKER.matcher(s.lower());
        if (!m.find(from)) {
            return markers;
        }
        do {
            markers.add(marker(m));
        } while (m.find());
        return markers;
    }

    private static Marker marker(Matcher m) {
        if (m.start("attack") >= 0) {
            return new Marker(Kind.ATTACK, Measure.LAUNCHED, null, m.start(), m.end());
        }
        if (m.start("detected") >= 0) {
            return new Marker(Kind.DETECTED, Measure.LAUNCHED, null, m.start(), m.end());
        }
        if (m.start("combined") >= 0) {
            return new Marker(Kind.STOPPED, Measure.NEUTRALISED, null, m.start(), m.end());
        }
        if (m.start("downed") >= 0) {
            return new Marker(Kind.STOPPED, Measure.SHOT_DOWN, null, m.start(), m.end());
        }
        if (m.start("lost") >= 0) {
            return new Marker(Kind.STOPPED, Measure.SUPPRESSED, null, m.start(), m.end());
        }
        if (m.start("left") >= 0) {
            return new Marker(Kind.LEFT, null, COUNTRIES.get(m.group("country")), m.start(), m.end());
        }
        return new Marker(Kind.AIRBORNE, null, null, m.start(), m.end());
    }
}
