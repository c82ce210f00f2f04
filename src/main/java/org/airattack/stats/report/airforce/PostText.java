package org.airattack.stats.report.airforce;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.airattack.stats.common.Clip;

/**
 * A post's text made regular enough to read: one kind of space, apostrophe, quote and long dash,
 * no zero-width characters, one space between words, and cut into sentences and bullet points.
 * Every sentence is kept twice, as written and lower-cased, with the same length, so what the
 * parser finds in the lower-cased text it can quote as written.
 */
final class PostText {

    /** A sentence, or a whole bullet point. */
    record Sentence(int index, int line, boolean bullet, String text, String lower) {

        /** The sentence as written, shortened for a message. */
        String quote() {
            return quote(text);
        }

        static String quote(String s) {
            return Clip.clip(s.strip(), 157);
        }
    }

    /** Runs of spaces (tabs are spaces by then): a single space is left as it is. */
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern BULLET = Pattern.compile("^(?:[-–•▪◾▫◽🔸🔹*]|\\d{1,2}\\))\\s*");
    /**
     * A sentence ends at . ! ? before a capital letter, a number ("… БпЛА. 13 ворожих БпЛА – локаційно
     * втрачені") or a symbol such as an emoji, but not after an abbreviation.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\\d\"\\p{So}\\p{Cs}])");
    private static final Set<String> ABBREVIATIONS = Set.of("м", "обл", "р", "т", "ч", "с", "смт", "ст", "ім", "рф", "тис");

    private final String text;
    private final List<Sentence> sentences;

    PostText(String raw) {
        this.text = normalise(raw);
        this.sentences = split(text);
    }

    /** The normalised text as written. */
    String text() {
        return text;
    }

    List<Sentence> sentences() {
        return sentences;
    }

    /**
     * A pattern's start where a word starts with one of {@code letters}. The look-ahead comes first
     * because a letter is checked far faster than the look-behind: a text is scanned at every
     * position, and most positions are turned away by the letter alone.
     */
    static String wordStart(String letters) {
        return "(?=[" + letters + "])(?<!\\p{L})";
    }

    /** Lower case, character by character, so positions stay the same. */
    static String lower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }

    static String normalise(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '\n' ? "" : "\n");
                case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u2002', '\u2003', '\u2005', '\t' -> sb.append(' ');
                case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\ufe0f', '\u00ad' -> {
                    // zero-width characters and emoji variation selectors carry nothing
                }
                case '\u2019', '\u02bc', '\u2018', '`', '\u00b4', '\u02b9' -> sb.append('\'');
                case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2033', '\u201f' -> sb.append('"');
                case '\u2014', '\u2012', '\u2015', '\u2212' -> sb.append('–');
                case '\u2010', '\u2011' -> sb.append('-');
                default -> sb.append(c);
            }
        }
        StringBuilder out = new StringBuilder(sb.length());
        for (String line : sb.toString().split("\n", -1)) {
            out.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return out.toString().strip();
    }

    private static List<Sentence> split(String text) {
        List<Sentence> result = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            if (line.isBlank()) {
                continue;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.find() && bullet.end() < line.length()) {
                String body = line.substring(bullet.end());
                result.add(new Sentence(result.size(), l, true, body, lower(body)));
                continue;
            }
            int from = 0;
            Matcher end = SENTENCE_END.matcher(line);
            while (end.find()) {
                if (abbreviationBefore(line, end.start() - 1)) {
                    continue;
                }
                add(result, l, line.substring(from, end.start()));
                from = end.end();
            }
            add(result, l, line.substring(from));
        }
        return List.copyOf(result);
    }

    private static void add(List<Sentence> result, int line, String s) {
        if (!s.isBlank()) {
            result.add(new Sentence(result.size(), line, false, s, lower(s)));
        }
    }

    /** True when the full stop at {@code dot} ends an abbreviation such as "обл." or "м.". */
    private static boolean abbreviationBefore(String line, int dot) {
        if (dot < 0 || line.charAt(dot) != '.') {
            return false;
        }
        int start = dot;
        while (start > 0 && Character.isLetter(line.charAt(start - 1))) {
            start--;
        }
        return ABBREVIATIONS.contains(lower(line.substring(start, dot)));
    }
}
