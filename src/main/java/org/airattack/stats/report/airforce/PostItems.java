package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the items of one clause — "7 балістичними ракетами Іскандер-М …, та 189 ударними БпЛА
 * типу Shahed, Гербера …" — into counted weapon mentions. A mention starts where a count or a
 * weapon noun stands ("двома протикорабельними ракетами", "151 ударним БпЛА", "S8000 «Бандероль»");
 * the words after it (models, launch places, the decoys listed with the drones) belong to it.
 * Subcounts ("понад 50 із них – реактивні", "в т.ч. реактивними") and parentheses are read past.
 */
final class PostItems {

    /** What the noun of a mention names. */
    enum Head {
        /** "цілей", "засобів": a total over everything, a cross-check only. */
        TOTAL,
        /** "ракет…": a missile; the model follows. */
        MISSILE,
        /** "БпЛА", "безпілотників", "дронів", "Shahed". */
        DRONE,
        /** "боєприпасів": loitering munitions; the model follows. */
        MUNITION,
        /** "S8000 «Бандероль»" named on its own. */
        BANDEROL,
        /** A model named with a count and no noun ("6 Калібрів"). */
        MODEL,
        /** A count without a noun ("ще 18 –", "Усі чотирнадцять", "з них 37", "11 з 14"): the weapon named before it. */
        ELLIPTIC;

        /** The name of the group of {@link #ITEM} that holds this noun. */
        final String group = name().toLowerCase(Locale.ROOT);
    }

    /** One counted (or uncounted) weapon mention. */
    static final class Item {
        final Head head;
        /** The exact count, null when the post gives none or only an approximate one. */
        final Integer count;
        /** "16 з 21": the 21, launched, in posts of 2022–2023. */
        final Integer of;
        /** "близько", "понад": the count is not exact. */
        final boolean approximate;
        /** Named in the singular without a number: one. */
        final boolean singular;
        /** The adjectives before the noun ("балістичними", "керованою авіаційною"). */
        final String adjectives;
        /** The words right after the noun, where the model's name stands. */
        final String nameZone;
        /** The count, adjectives, noun and name as written: the mention in messages. */
        final String mention;
        /** The mention and all that belongs to it, lower-cased: where its models are named. */
        final StringBuilder lower = new StringBuilder();
        /** "Усі знищено", "Усі ворожі БпЛА знищено", "Усі цілі було збито": all that was launched (of its weapon). */
        boolean all;
        /** For an elliptic mention, the mention before it in its sentence that names its weapon; null when there is none. */
        Item antecedent;
        /** The sentence the mention stands in, shortened, for messages. */
        String sentence = "";

        Item(Head head, Integer count, Integer of, boolean approximate, boolean singular, String adjectives, String nameZone,
                String mention) {
            this.head = head;
            this.count = count;
            this.of = of;
            this.approximate = approximate;
            this.singular = singular;
            this.adjectives = adjectives;
            this.nameZone = nameZone;
            this.mention = mention;
        }

        /** Named without a number (withheld, or counted elsewhere in the post), as opposed to in the singular, as all, or with a count. */
        boolean countless() {
            return count == null && !approximate && !singular && !all;
        }

        /** The count the mention states: the number, 1 for a singular, null otherwise. */
        Integer stated() {
            return count != null ? count : singular ? Integer.valueOf(1) : null;
        }

        String quote() {
            return PostText.Sentence.quote(mention.replaceAll("\\s+", " "));
        }

        /** The mention quoted with its sentence: "'3 ракети' in 'Станом на 08:30 збито/подавлено 3 ракети.'". */
        String where() {
            return "'" + quote() + "'" + (sentence.isEmpty() ? "" : " in '" + sentence + "'");
        }

        void append(String lowered) {
            lower.append(lowered);
        }
    }

    /**
     * The mentions of a clause and the pieces of it that hold a count nothing could be attributed
     * to (quoted, for the "cannot read" answer).
     */
    record Reading(List<Item> items, List<String> unread) {
    }

    private static final String COUNT = UkrainianCounts.COUNT;
    private static final String APPROX = UkrainianCounts.APPROX;
    private static final String ADJ = "(?:ударн|ворож|балістичн|аеробалістичн|крилат|керован|авіаційн|протикорабельн|протирадіолокаційн"
            + "|зенітн|реактивн|баражуюч|розвідувальн|надзвуков|гіперзвуков|повітрян)\\p{L}*+";
    private static final String BANDEROL_NAME = "(?:бандерол\\p{L}*+|дань\\s*-\\s*т(?!\\p{L}))";

    /** The nouns a mention ends with; a model named after its count ("6 Калібрів") is one too. */
    private static final String NOUN = "(?:(?<total>(?:ціл(?:ь|і|ей|ям|ями|ях)|засоб(?:и|ів|ам|ами|ах)?)(?!\\p{L}))"
            + "|(?<missile>ракет(?:а|и|у|ою|і|ами|ам|ах|има)?(?!\\p{L}))"
            + "|(?<drone>\"?(?:бпла|безпілотник(?:а|и|ів|ам|ами|ах|ом|у)?|дрон(?:а|и|ів|ам|ами|ах|ом|у)?|шахед(?:а|и|ів|ам|ами|ах|ом)?"
            + "|shahed(?:\\s*-?\\s*\\d+(?:/\\d+)?)?)(?:-\\p{L}++)?(?![\\p{L}\\d]))"
            + "|(?<munition>боєприпас(?:а|и|ів|ам|ами|ах|ом|у)?(?!\\p{L}))"
            + "|(?<banderol>(?:s\\s*-?\\s*8000\\s*)?\"?" + BANDEROL_NAME + "(?:\"?\\s*/\\s*\"?" + BANDEROL_NAME + ")?\"?|s\\s*-?\\s*8000(?!\\d))"
            + "|(?<model>\"?(?:калібр|іскандер|кинджал|циркон|онікс)\\p{L}*+(?:\\s*-\\s*[мк](?!\\p{L}))?|[хx]\\s*-\\s*\\d+\\p{L}*+))";

    /** A mention: where a word starts, what is all, approximate or counted, up to four adjectives, and the noun. */
    static final Pattern ITEM = Pattern.compile("(?=[\\p{L}\\d\"])(?<![\\p{L}\\d'/-])"
            + "(?:(?<all>всі|усі)\\s+|(?:всього|усього|ще)\\s+)?"
            + "(?:(?<approx>" + APPROX + ")\\s+)?"
            + "(?:(?<count>" + COUNT + ")(?:\\s+(?:з|із)\\s+(?<of>" + COUNT + "))?\\s+)?"
            + "(?<adj>(?:" + ADJ + "\\s+){0,4})"
            + NOUN);

    /** A noun wherever it stands: a mention is looked for only in the few words before one. */
    private static final Pattern NOUN_ONLY = Pattern.compile("(?=[црбдшsкіохxз\"])" + NOUN); // the letters the nouns start with
    /** More words than a mention can have before its noun ("усі понад двадцять два з двадцяти трьох" and four adjectives). */
    private static final int WORDS_BEFORE_NOUN = 16;

    /**
     * Where a clause's list breaks: punctuation, and the conjunctions that join items. A break starts
     * where a run of spaces starts, never inside one, so a long blanked run is read once.
     */
    private static final Pattern SEPARATOR = Pattern.compile("(?<!\\s)(?:\\s*+(?:[;,]|\\.(?=\\s|$)|:(?=\\s|$))\\s*+"
            + "|(?<![\\s,;]а)(?<!^а)\\s++(?=(?:а\\s+також|також|та|і|й)\\s))");
    private static final Pattern CONJUNCTION = Pattern.compile("^\\s*(?:(а\\s+)?(також)|та|і|й)\\s+");
    /** The words that end a model's name after its noun: prepositions, relative pronouns. */
    private static final Pattern NAME_ENDS = Pattern.compile("(?<!\\p{L})(?:із|з|зі|від|по|над|на|в|у|до|через|які|що|котрі|яка|яких|курсом)(?!\\p{L})");
    private static final Pattern NAME_FILLERS = Pattern.compile("(?<!\\p{L})(?:морського|повітряного|наземного|базування|типу|типів|різних"
            + "|інших|ворожих|ворожі|противника|ворога|модифікації|ракет\\p{L}*+)(?!\\p{L})|[\"/–\\-.,;:!']");
    /** A count that stands without a noun where a part of a list starts: "ще 18", "Усі чотирнадцять", "з них 37", "11 з 14". */
    private static final Pattern BARE = Pattern.compile("\\s*(?:(?:усі|всі|ще|а|(?:з|із)\\s+(?:них|яких))\\s+)*(?:(?<approx>" + APPROX + ")\\s+)?"
            + "(?<count>" + COUNT + ")(?:\\s+(?:з|із)\\s+(?<of>" + COUNT + "))?(?![\\p{L}\\d'])");
    /** "Усі знищено", "всі вони збиті": all that was launched of the weapon named before. */
    private static final Pattern ALL = Pattern.compile("\\s*(?:усі|всі)(?:\\s+(?:вони|інші))?(?![\\p{L}'])");
    /** What may follow a count without a noun: a dash, "були", and where or by whom ("– у Київській області", "силами ППО"). */
    private static final Pattern AFTER_BARE = Pattern.compile("[\\s–-]*+(?:(?:було|були|вже|успішно)(?!\\p{L})\\s*+)*+"
            + "(?:(?:у|в|на|над|по|з|із|силами|засобами|протиповітряною|без)(?!\\p{L})\\D*+)?");
    private static final Pattern COUNT_LIKE = Pattern.compile("\\d");
    /** Enough of a long stretch to quote it (a quote is at most 160 characters). */
    private static final int QUOTED = 400;
    /** The longest stretch after a noun read as a model's name: "морського базування «Калібр»" is 30 characters. */
    private static final int NAME_LENGTH = 80;

    private PostItems() {
    }

    /**
     * True when a stretch of text names a weapon or holds a count, outside parentheses ("16 з 21",
     * "балістичні ракети", "одну"; not "силами ППО", "засобами", "(без негативних наслідків)"): a
     * test far lighter than reading it.
     */
    static boolean mentions(String lowered) {
        char[] lower = lowered.toCharArray();
        ClauseText.blankNotCounts(lower);
        String l = WeaponNames.blankAircraft(new String(lower));
        if (holdsCount(l)) {
            return true;
        }
        Matcher noun = NOUN_ONLY.matcher(l);
        while (noun.find()) {
            if (noun.start("total") < 0) {
                return true;
            }
        }
        return false;
    }

    /** Reads a clause (as written and lower-cased, the same length). */
    static Reading read(String written, String lowered) {
        char[] text = written.toCharArray();
        char[] lower = lowered.toCharArray();
        int end = ClauseText.blank(text, lower, lowered);
        String w = new String(text, 0, end);
        String l = new String(lower, 0, end);

        List<Item> items = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        Item current = null;
        Matcher sep = SEPARATOR.matcher(l);
        Matchers matchers = new Matchers(CONJUNCTION.matcher(l), ITEM.matcher(l).useTransparentBounds(true),
                NOUN_ONLY.matcher(l).useTransparentBounds(true));
        int from = 0;
        boolean first = true;
        while (from <= l.length()) {
            int to = sep.find() ? sep.start() : l.length();
            if (current != null) {
                current.append(" ");
            }
            current = segment(w, l, from, to, first, current, items, unread, matchers);
            first = false;
            if (to >= l.length()) {
                break;
            }
            from = sep.end();
        }
        return new Reading(items, unread);
    }

    /** The matchers of one clause, made once and moved from part to part of its list. */
    private record Matchers(Matcher conjunction, Matcher item, Matcher noun) {
    }

    private static Item segment(String w, String l, int from, int to, boolean chunkStart, Item current, List<Item> items, List<String> unread,
            Matchers matchers) {
        if (from >= to) {
            return current;
        }
        Matcher conj = matchers.conjunction().region(from, to);
        boolean strong = chunkStart;
        int start = from;
        if (conj.lookingAt()) {
            strong |= conj.group(2) != null;
            start = conj.end();
        }
        Matcher m = matchers.item();
        Matcher noun = matchers.noun();
        int pos = start;
        boolean firstInSegment = true;
        for (int next = start; nextMention(m, noun, l, next, to); next = m.end()) {
            Head head = head(m);
            Integer count = UkrainianCounts.value(m.group("count"));
            boolean approximate = m.group("approx") != null && m.group("count") != null;
            boolean all = m.group("all") != null && m.group("count") == null && m.group("approx") == null;
            if ((head == Head.TOTAL && !all || head == Head.MODEL) && m.group("count") == null) {
                continue; // "на ціль", a model named after its noun: part of the text around it
            }
            boolean leading = firstInSegment && l.substring(pos, m.start()).isBlank();
            firstInSegment = false;
            boolean joinsDrones = current != null && current.head == Head.DRONE && m.group("count") == null
                    && (head == Head.DRONE || ((head == Head.MUNITION || head == Head.BANDEROL) && !(strong && leading)));
            // "боєприпасами «Бандероль»": the name after the noun is the same mention
            boolean namesCurrent = current != null && (current.head == Head.MUNITION || current.head == Head.MISSILE)
                    && head == Head.BANDEROL && m.group("count") == null && !leading && nameOnly(l.substring(pos, m.start()));
            attach(current, w, l, pos, m.start(), unread);
            if (joinsDrones || namesCurrent) {
                current.append(l.substring(m.start(), m.end()));
            } else {
                String adjectives = m.group("adj").strip();
                boolean singular = m.group("count") == null && m.group("approx") == null && singular(head, m.group(head.group), adjectives);
                String zone = nameZone(l, m.end(), to);
                current = new Item(head, approximate ? null : count, UkrainianCounts.value(m.group("of")), approximate, singular,
                        adjectives, zone, w.substring(m.start(), m.end() + zone.length()));
                current.all = all;
                current.append(l.substring(m.start(), m.end()));
                items.add(current);
            }
            pos = m.end();
        }
        if (pos == start) {
            Item elliptic = elliptic(w, l, start, to);
            if (elliptic != null) {
                items.add(elliptic);
                return elliptic;
            }
        }
        attach(current, w, l, pos, to, unread);
        return current;
    }

    /** A part of a list that is a count without a noun and nothing that could be one ("ще 18 –", "Усі чотирнадцять"), or null. */
    private static Item elliptic(String w, String l, int from, int to) {
        Matcher bare = BARE.matcher(l).region(from, to).useTransparentBounds(true);
        Matcher all = ALL.matcher(l).region(from, to).useTransparentBounds(true);
        boolean counted = bare.lookingAt();
        Matcher m = counted ? bare : all;
        if (!counted && !all.lookingAt() || !AFTER_BARE.matcher(l).region(m.end(), to).matches()) {
            return null;
        }
        boolean approximate = counted && bare.group("approx") != null;
        Integer count = counted && !approximate ? UkrainianCounts.value(bare.group("count")) : null;
        Item item = new Item(Head.ELLIPTIC, count, counted ? UkrainianCounts.value(bare.group("of")) : null, approximate, false, "", "",
                w.substring(from, to).strip());
        item.all = !counted;
        item.append(l.substring(from, to));
        return item;
    }

    /**
     * Finds the next mention from {@code from}, trying {@link #ITEM} only from a few words before the
     * next noun: every mention has one, so a long stretch without a noun is read once, not once per word.
     */
    private static boolean nextMention(Matcher m, Matcher noun, String l, int from, int to) {
        if (!noun.region(from, to).find()) {
            return false;
        }
        int start = noun.start();
        for (int words = 0; words < WORDS_BEFORE_NOUN && start > from; words++) {
            while (start > from && Character.isWhitespace(l.charAt(start - 1))) {
                start--;
            }
            while (start > from && !Character.isWhitespace(l.charAt(start - 1))) {
                start--;
            }
        }
        return m.region(start, to).find();
    }

    private static boolean nameOnly(String between) {
        return NAME_FILLERS.matcher(between).replaceAll(" ").isBlank();
    }

    /** Text between mentions belongs to the mention before it; counts in text no mention owns are unread. */
    private static void attach(Item current, String w, String l, int from, int to, List<String> unread) {
        if (from >= to) {
            return;
        }
        String lowered = l.substring(from, to);
        if (current != null) {
            current.append(lowered);
        }
        if (!holdsCount(lowered)) {
            return;
        }
        if (holdsCount(WeaponNames.blank(lowered))) {
            unread.add(PostText.Sentence.quote(w.substring(from, Math.min(to, from + QUOTED)).replaceAll("\\s+", " ")));
        }
    }

    private static boolean holdsCount(String lowered) {
        return COUNT_LIKE.matcher(lowered).find() || UkrainianCounts.WORD.matcher(lowered).find();
    }

    private static Head head(Matcher m) {
        for (Head h : Head.values()) {
            if (m.start(h.group) >= 0) {
                return h;
            }
        }
        throw new IllegalStateException("a mention without a noun");
    }

    /** "ракетою", "ракету", "боєприпасом", "ударним БпЛА", "безпілотник-імітатор": one, though no number is written. */
    private static boolean singular(Head head, String noun, String adjectives) {
        String n = noun.strip();
        if (n.indexOf('-') > 0 && head == Head.DRONE) {
            n = n.substring(0, n.indexOf('-')); // "безпілотник-імітатор": the noun before the hyphen says how many
        }
        return switch (head) {
            case MISSILE -> n.equals("ракета") || n.equals("ракету") || n.equals("ракетою");
            case MUNITION -> n.equals("боєприпас") || n.equals("боєприпасом");
            case DRONE -> n.equals("безпілотник") || n.equals("безпілотником") || n.equals("дрон") || n.equals("дроном")
                    || (n.equals("бпла") && !adjectives.isEmpty() && lastWordEndsWith(adjectives, "им", "ий", "ого") && !lastWordEndsWith(adjectives, "ими"));
            default -> false;
        };
    }

    private static boolean lastWordEndsWith(String words, String... endings) {
        String last = words.substring(words.lastIndexOf(' ') + 1);
        for (String e : endings) {
            if (last.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** The words after a noun up to the first preposition: where the model's name stands (a name is short). */
    private static String nameZone(String l, int from, int to) {
        int end = Math.min(to, from + NAME_LENGTH);
        Matcher stop = NAME_ENDS.matcher(l).region(from, end).useTransparentBounds(true);
        return l.substring(from, stop.find() ? stop.start() : end);
    }

    /** True when the words after a missile's or munition's noun hold a name this reader does not know. */
    static boolean namesUnknownModel(Item item) {
        String rest = NAME_FILLERS.matcher(WeaponNames.blank(item.nameZone)).replaceAll(" ");
        return !rest.isBlank();
    }
}
