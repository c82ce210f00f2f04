package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.Arrays;
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
        MODEL;

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

        /** Named without a number (withheld), as opposed to in the singular or with a count. */
        boolean countless() {
            return count == null && !approximate && !singular;
        }

        /** The count the mention states: the number, 1 for a singular, null otherwise. */
        Integer stated() {
            return count != null ? count : singular ? Integer.valueOf(1) : null;
        }

        String quote() {
            return PostText.Sentence.quote(mention.replaceAll("\\s+", " "));
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
    private static final String APPROX = "близько|понад|майже|більше|щонайменше|приблизно|орієнтовно|до";
    private static final String ADJ = "(?:ударн|ворож|балістичн|аеробалістичн|крилат|керован|авіаційн|протикорабельн|протирадіолокаційн"
            + "|зенітн|реактивн|баражуюч|розвідувальн|надзвуков|гіперзвуков)\\p{L}*+";
    private static final String BANDEROL_NAME = "(?:бандерол\\p{L}*+|дань\\s*-\\s*т(?!\\p{L}))";

    /** The nouns a mention ends with; a model named after its count ("6 Калібрів") is one too. */
    private static final String NOUN = "(?:(?<total>(?:ціл(?:ь|і|ей|ям|ями|ях)|засоб(?:и|ів|ам|ами|ах)?)(?!\\p{L}))"
            + "|(?<missile>ракет(?:а|и|у|ою|і|ами|ам|ах|има)?(?!\\p{L}))"
            + "|(?<drone>(?:бпла|безпілотник(?:а|и|ів|ам|ами|ах|ом|у)?|дрон(?:а|и|ів|ам|ами|ах|ом|у)?|шахед(?:а|и|ів|ам|ами|ах|ом)?"
            + "|shahed(?:\\s*-?\\s*\\d+(?:/\\d+)?)?)(?:-\\p{L}++)?(?![\\p{L}\\d]))"
            + "|(?<munition>боєприпас(?:а|и|ів|ам|ами|ах|ом|у)?(?!\\p{L}))"
            + "|(?<banderol>(?:s\\s*-?\\s*8000\\s*)?\"?" + BANDEROL_NAME + "(?:\"?\\s*/\\s*\"?" + BANDEROL_NAME + ")?\"?|s\\s*-?\\s*8000(?!\\d))"
            + "|(?<model>(?:калібр|іскандер|кинджал|циркон|онікс)\\p{L}*+(?:\\s*-\\s*[мк](?!\\p{L}))?|[хx]\\s*-\\s*\\d+\\p{L}*+))";

    /** A mention: where a word starts, what is all, approximate or counted, up to four adjectives, and the noun. */
    static final Pattern ITEM = Pattern.compile("(?=[\\p{L}\\d\"])(?<![\\p{L}\\d'/-])"
            + "(?:(?:всі|усі|всього|усього|ще)\\s+)?"
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
    private static final Pattern SUBCOUNT = Pattern.compile("(?<![\\p{L}\\d])(?:(?:" + APPROX + ")\\s+)?(?:" + COUNT
            + "|половин\\p{L}*+|третин\\p{L}*+|чверт\\p{L}*+|більшість|частин\\p{L}*+)\\s+(?:із|з)\\s+них[^,;:]*"
            + "|(?<!\\p{L})(?:в|у)\\s*т\\.\\s*ч\\.[^,;:]*|(?<!\\p{L})(?:в|у)\\s+тому\\s+числі[^,;:]*");
    private static final Pattern NOT_COUNTS = Pattern.compile("\\d{1,2}[:.]\\d{2}|\\d{1,2}\\s+(?:" + PostWindow.MONTHS
            + ")|\\d{4}\\s*(?:року|р\\.)");
    /** "на півночі, півдні та сході країни": where, not what; the rest of a downed clause. */
    private static final Pattern REGIONS = Pattern.compile(PostText.wordStart("нву") + "(?:на|в|у)\\s+(?:півночі|півдні|сході|заході|центрі)(?!\\p{L})");
    /** The words that end a model's name after its noun: prepositions, relative pronouns. */
    private static final Pattern NAME_ENDS = Pattern.compile("(?<!\\p{L})(?:із|з|зі|від|по|над|на|в|у|до|через|які|що|котрі|яка|яких|курсом)(?!\\p{L})");
    private static final Pattern NAME_FILLERS = Pattern.compile("(?<!\\p{L})(?:морського|повітряного|наземного|базування|типу|типів|різних"
            + "|інших|ворожих|ворожі|противника|ворога|модифікації|ракет\\p{L}*+)(?!\\p{L})|[\"/–\\-.,;:!']");
    private static final Pattern COUNT_LIKE = Pattern.compile("\\d");
    /** Enough of a long stretch to quote it (a quote is at most 160 characters). */
    private static final int QUOTED = 400;
    /** The longest stretch after a noun read as a model's name: "морського базування «Калібр»" is 30 characters. */
    private static final int NAME_LENGTH = 80;

    private PostItems() {
    }

    /** Reads a clause (as written and lower-cased, the same length). */
    static Reading read(String written, String lowered) {
        char[] text = written.toCharArray();
        char[] lower = lowered.toCharArray();
        blankParentheses(text, lower);
        if (lowered.contains("них") || lowered.contains("т.") || lowered.contains("числі")) {
            blank(text, lower, SUBCOUNT); // the words every subcount has, found far faster than the pattern is tried
        }
        blank(text, lower, NOT_COUNTS);
        Matcher regions = REGIONS.matcher(new String(lower));
        int end = regions.find() ? regions.start() : lower.length;
        String w = new String(text, 0, end);
        String l = new String(lower, 0, end);

        List<Item> items = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        Item current = null;
        Matcher sep = SEPARATOR.matcher(l);
        int from = 0;
        boolean first = true;
        while (from <= l.length()) {
            int to = sep.find() ? sep.start() : l.length();
            if (current != null) {
                current.append(" ");
            }
            current = segment(w, l, from, to, first, current, items, unread);
            first = false;
            if (to >= l.length()) {
                break;
            }
            from = sep.end();
        }
        return new Reading(items, unread);
    }

    private static Item segment(String w, String l, int from, int to, boolean chunkStart, Item current, List<Item> items, List<String> unread) {
        if (from >= to) {
            return current;
        }
        Matcher conj = CONJUNCTION.matcher(l).region(from, to);
        boolean strong = chunkStart;
        int start = from;
        if (conj.lookingAt()) {
            strong |= conj.group(2) != null;
            start = conj.end();
        }
        Matcher m = ITEM.matcher(l).useTransparentBounds(true);
        Matcher noun = NOUN_ONLY.matcher(l).useTransparentBounds(true);
        int pos = start;
        boolean firstInSegment = true;
        for (int next = start; nextMention(m, noun, l, next, to); next = m.end()) {
            Head head = head(m);
            Integer count = UkrainianCounts.value(m.group("count"));
            boolean approximate = m.group("approx") != null && m.group("count") != null;
            if ((head == Head.TOTAL || head == Head.MODEL) && m.group("count") == null) {
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
                current.append(l.substring(m.start(), m.end()));
                items.add(current);
            }
            pos = m.end();
        }
        attach(current, w, l, pos, to, unread);
        return current;
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
        String rest = WeaponNames.blank(lowered);
        if (COUNT_LIKE.matcher(rest).find() || UkrainianCounts.WORD.matcher(rest).find()) {
            unread.add(PostText.Sentence.quote(w.substring(from, Math.min(to, from + QUOTED)).replaceAll("\\s+", " ")));
        }
    }

    private static Head head(Matcher m) {
        for (Head h : Head.values()) {
            if (m.start(h.group) >= 0) {
                return h;
            }
        }
        throw new IllegalStateException("a mention without a noun");
    }

    /** "ракетою", "ракету", "боєприпасом", "ударним БпЛА": one, though no number is written. */
    private static boolean singular(Head head, String noun, String adjectives) {
        String n = noun.strip();
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

    private static void blank(char[] text, char[] lower, Pattern p) {
        Matcher m = p.matcher(new String(lower));
        while (m.find()) {
            Arrays.fill(text, m.start(), m.end(), ' ');
            Arrays.fill(lower, m.start(), m.end(), ' ');
        }
    }

    /**
     * Blanks every parenthesis with what it holds, nested ones included, in one pass: each pair
     * marks its span, and a running depth blanks what lies inside any span (a parenthesis that is
     * never closed stays, with what follows it).
     */
    private static void blankParentheses(char[] text, char[] lower) {
        int[] depth = new int[lower.length + 1];
        int[] open = new int[lower.length];
        int opened = 0;
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] == '(') {
                open[opened++] = i;
            } else if (lower[i] == ')' && opened > 0) {
                depth[open[--opened]]++;
                depth[i + 1]--;
            }
        }
        int inside = 0;
        for (int i = 0; i < lower.length; i++) {
            inside += depth[i];
            if (inside > 0) {
                text[i] = ' ';
                lower[i] = ' ';
            }
        }
    }
}
