package org.airattack.stats.report.airforce;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a clause is not a mention, blanked before its mentions are read (positions stay, so what
 * is found can still be quoted as written): parentheses, subcounts ("понад 50 із них – реактивні"),
 * times, dates and years; and where a clause turns from weapons to regions ("на півночі та сході
 * країни").
 */
final class ClauseText {

    private static final String COUNT = UkrainianCounts.COUNT;
    private static final String APPROX = UkrainianCounts.APPROX;
    private static final String SHARE = "(?:" + COUNT + "|половин\\p{L}*+|третин\\p{L}*+|чверт\\p{L}*+|більшість|частин\\p{L}*+)";
    /**
     * A part of a count said of what it holds: "понад 50 із них – реактивні", "з них понад 100 –
     * реактивні", "половина з яких – Гербера", "в т.ч. реактивними". It says what the part is; a
     * count of them with nothing after it ("43 БпЛА, з них 37" before "знищено") is not one.
     */
    private static final Pattern SUBCOUNT = Pattern.compile("(?<![\\p{L}\\d])(?:(?:" + APPROX + ")\\s+)?" + SHARE
            + "\\s+(?:із|з)\\s+(?:них|яких)\\s*[–-]?\\s*(?=\\p{L})[^,;:]*"
            + "|(?<!\\p{L})(?:із|з)\\s+(?:них|яких)\\s+(?:(?:" + APPROX + ")\\s+)?" + SHARE + "\\s*[–-]?\\s*(?=\\p{L})[^,;:]*"
            + "|(?<!\\p{L})(?:в|у)\\s*т\\.\\s*ч\\.[^,;:]*|(?<!\\p{L})(?:в|у)\\s+тому\\s+числі[^,;:]*");
    private static final Pattern NOT_COUNTS = Pattern.compile("\\d{1,2}[:.]\\d{2}|\\d{1,2}\\s+(?:" + PostWindow.MONTHS
            + ")|\\d{4}\\s*(?:року|р\\.)");
    /** The words every region phrase has, found far faster than the phrase's pattern is tried. */
    private static final Pattern REGION_WORDS = Pattern.compile("півн|півд|сход|заход|центр");
    /** "на півночі, півдні та сході країни": where, not what; the rest of a downed clause. */
    private static final Pattern REGIONS = Pattern.compile(PostText.wordStart("нву") + "(?:на|в|у)\\s+(?:півночі|півдні|сході|заході|центрі)(?!\\p{L})");

    private ClauseText() {
    }

    /** Blanks, in both arrays (as written and lower-cased), what is not a mention; answers where the mentions end. */
    static int blank(char[] text, char[] lower, String lowered) {
        blankParentheses(text, lower);
        if (lowered.contains("них") || lowered.contains("яких") || lowered.contains("т.") || lowered.contains("числі")) {
            blank(text, lower, SUBCOUNT); // the words every subcount has, found far faster than the pattern is tried
        }
        blank(text, lower, NOT_COUNTS);
        if (REGION_WORDS.matcher(lowered).find()) {
            Matcher regions = REGIONS.matcher(new String(lower));
            if (regions.find()) {
                return regions.start();
            }
        }
        return lower.length;
    }

    /** Blanks parentheses, times, dates and years: what holds digits but never a count. */
    static void blankNotCounts(char[] lower) {
        blankParentheses(lower, lower);
        blank(lower, lower, NOT_COUNTS);
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
