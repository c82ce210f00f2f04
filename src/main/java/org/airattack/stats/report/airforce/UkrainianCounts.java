package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts as the Air Force writes them: digits with or without a case suffix ("181-м", "50-ма",
 * "559-ти") and number words in any case ("одну", "двома", "трьома", "п'ятьма", "двадцятьма двома").
 * Works on the lower-cased, normalised text of {@link PostText} (apostrophes are plain {@code '}).
 */
final class UkrainianCounts {

    private static final Map<String, Integer> WORDS = words();

    /** The words that make a count approximate: "близько 10", "понад 50", "до 17". */
    static final String APPROX = "близько|понад|майже|більше|щонайменше|приблизно|орієнтовно|до";

    /** One count: digits with an optional case suffix, or one or two number words. */
    static final String COUNT = "(?:\\d{1,5}(?:\\s?-\\s?\\p{L}{1,3}(?!\\p{L}))?|" + wordAlternation() + "(?:\\s+" + wordAlternation() + ")?)";

    /** A number word on its own, for finding counts the parser could not attach to anything. */
    static final Pattern WORD = Pattern.compile("(?=[" + firstLetters() + "])(?<![\\p{L}'])" + wordAlternation() + "(?![\\p{L}'])");

    private static final Pattern DIGITS = Pattern.compile("(\\d{1,5})(?:\\s?-\\s?\\p{L}{1,3})?");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private UkrainianCounts() {
    }

    /** The value of a text matched by {@link #COUNT}, or null when it is not one. */
    static Integer value(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        Matcher d = DIGITS.matcher(t);
        if (d.matches()) {
            return Integer.valueOf(d.group(1));
        }
        String[] parts = SPACE.split(t);
        Integer first = WORDS.get(parts[0]);
        if (first == null || parts.length > 2) {
            return null;
        }
        if (parts.length == 1) {
            return first;
        }
        Integer second = WORDS.get(parts[1]);
        // "двадцять два": tens and units; anything else is not one count
        if (second == null || first < 20 || first % 10 != 0 || first >= 100 || second >= 10) {
            return null;
        }
        return first + second;
    }

    /** The letters the number words start with, for turning other positions away at once. */
    private static String firstLetters() {
        StringBuilder letters = new StringBuilder();
        WORDS.keySet().stream().map(w -> w.charAt(0)).distinct().sorted().forEach(letters::append);
        return letters.toString();
    }

    /**
     * Every number word as one regex that picks the words by their first letter before it tries
     * them, longest first, rather than trying each of the hundred forms at every word of a text. (A
     * letter-by-letter trie would be faster still to match, but each of its groups costs every
     * matcher a slot to allocate and clear: the patterns holding it are matched once per clause.)
     */
    private static String wordAlternation() {
        Map<Character, List<String>> byLetter = new TreeMap<>();
        for (String w : WORDS.keySet()) {
            byLetter.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w.substring(1));
        }
        List<String> branches = new ArrayList<>();
        byLetter.forEach((letter, rests) -> {
            rests.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            branches.add(letter + "(?:" + String.join("|", rests) + ")");
        });
        return "(?:" + String.join("|", branches) + ")";
    }

    private static Map<String, Integer> words() {
        Map<String, Integer> m = new HashMap<>();
        put(m, 1, "один", "одна", "одне", "одну", "одного", "однієї", "одному", "одній", "одним", "однією", "одною");
        put(m, 2, "два", "дві", "двох", "двом", "двома", "обидва", "обидві", "обох", "обом", "обома");
        put(m, 3, "три", "трьох", "трьом", "трьома");
        put(m, 4, "чотири", "чотирьох", "чотирьом", "чотирма", "чотирьома");
        put(m, 5, "п'ять", "п'яти", "п'ятьом", "п'ятьма", "п'ятьома");
        put(m, 6, "шість", "шести", "шістьом", "шістьма", "шістьома");
        put(m, 7, "сім", "семи", "сімом", "сьома", "сімома");
        put(m, 8, "вісім", "восьми", "вісьмом", "вісьма", "вісьмома");
        put(m, 9, "дев'ять", "дев'яти", "дев'ятьом", "дев'ятьма", "дев'ятьома");
        String[] teens = { "десят", "одинадцят", "дванадцят", "тринадцят", "чотирнадцят", "п'ятнадцят", "шістнадцят",
                "сімнадцят", "вісімнадцят", "дев'ятнадцят" };
        for (int i = 0; i < teens.length; i++) {
            stem(m, 10 + i, teens[i]);
        }
        stem(m, 20, "двадцят");
        stem(m, 30, "тридцят");
        put(m, 40, "сорок", "сорока");
        String[] tens = { "п'ятдесят", "шістдесят", "сімдесят", "вісімдесят" };
        for (int i = 0; i < tens.length; i++) {
            put(m, 50 + 10 * i, tens[i], tens[i] + "и", tens[i] + "ьма", tens[i] + "ьом");
        }
        put(m, 90, "дев'яносто", "дев'яноста");
        put(m, 100, "сто", "ста");
        return Map.copyOf(m);
    }

    /** The five case forms of a numeral ending in -ять: десять, десяти, десятьом, десятьма, десятьома. */
    private static void stem(Map<String, Integer> m, int value, String stem) {
        put(m, value, stem + "ь", stem + "и", stem + "ьом", stem + "ьма", stem + "ьома");
    }

    private static void put(Map<String, Integer> m, int value, String... forms) {
        for (String f : forms) {
            m.put(f, value);
        }
    }
}
