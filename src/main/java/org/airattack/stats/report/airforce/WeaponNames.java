package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weapon models the Air Force names, as the public dataset spells them (every spelling resolves
 * in the catalog). Matches the lower-cased, normalised text of {@link PostText}; Latin and Cyrillic
 * look-alike letters (Х/X, С/C, М/M) and stray spaces around dashes are allowed.
 */
final class WeaponNames {

    /** What kind of missile a model is, for matching "2 балістичні ракети" to the line it belongs to. */
    enum Kind {
        BALLISTIC, SURFACE_TO_AIR, CRUISE, AIR_LAUNCHED, ANTI_SHIP, ANTI_RADAR, BANDEROL
    }

    /** One model: its dataset spelling, kind and how posts write it (a regex, read where a word starts). */
    record Model(String spelling, Kind kind, String regex) {
    }

    /** The figure for Shaheds, Gerbera, Italmas, decoys and whatever a post counts with them. */
    static final String DRONES = "drones (mixed)";
    /** A ballistic missile whose model the post does not name. */
    static final String BALLISTIC = "Ballistic Missile";
    /** Any other missile whose model the post does not name. */
    static final String UNKNOWN_MISSILE = "Unknown Missile";
    /** Reconnaissance drones, whatever their model. */
    static final String RECONNAISSANCE = "Reconnaissance UAV";

    private static final String X = "[хx]\\s*-\\s*";
    private static final String END = "(?![\\p{L}\\d])";

    /** Most specific first: a model's text is consumed before a shorter one can match inside it. */
    static final List<Model> MODELS = List.of(
            model("X-59/X-69", Kind.AIR_LAUNCHED, X + "59\\s*/\\s*(?:" + X + ")?69" + END),
            model("X-59MK2", Kind.AIR_LAUNCHED, X + "59\\s*[мm][кk]\\s*-?\\s*2" + END),
            model("X-59", Kind.AIR_LAUNCHED, X + "59" + END),
            model("X-69", Kind.AIR_LAUNCHED, X + "69" + END),
            model("X-101/X-555", Kind.CRUISE, X + "101(?:\\s*/\\s*(?:" + X + ")?555)?" + END + "|" + X + "555" + END),
            model("X-31PD", Kind.ANTI_RADAR, X + "31\\s*[пp]\\s*[дd]" + END),
            model("X-31P", Kind.ANTI_RADAR, X + "31\\s*[пp]" + END),
            model("X-31", Kind.ANTI_RADAR, X + "31" + END),
            model("X-22", Kind.ANTI_SHIP, X + "22" + END),
            model("X-32", Kind.ANTI_SHIP, X + "32" + END),
            model("X-35", Kind.ANTI_SHIP, X + "35" + END),
            model("X-47 Kinzhal", Kind.BALLISTIC, X + "47\\s*[мm]?\\s*2?" + END + "|кинджал\\p{L}*+|кінжал\\p{L}*+|kinzhal"),
            model("Iskander-K", Kind.CRUISE, "(?:іскандер|iskander)\\s*-\\s*[кk]" + END),
            model("Iskander-M", Kind.BALLISTIC, "(?:іскандер|iskander)\\s*-\\s*[мm]" + END),
            model("KN-23", Kind.BALLISTIC, "(?:kn|кн)\\s*-?\\s*23" + END),
            model("C-300", Kind.SURFACE_TO_AIR, "[сc]\\s*-\\s*300" + END),
            model("C-400", Kind.SURFACE_TO_AIR, "[сc]\\s*-\\s*400" + END),
            model("Kalibr", Kind.CRUISE, "калібр\\p{L}*+|kalibr"),
            model("3M22 Zircon", Kind.ANTI_SHIP, "циркон\\p{L}*+|zircon|3\\s*[мm]\\s*22" + END),
            model("P-800 Oniks", Kind.ANTI_SHIP, "онікс\\p{L}*+|оникс\\p{L}*+|oniks|onyx|[пp]\\s*-\\s*800" + END),
            model("Banderol", Kind.BANDEROL, "бандерол\\p{L}*+|s\\s*-?\\s*8000|дань\\s*-\\s*т" + END));

    /**
     * Every model in one pattern, most specific first, tried only where a word starts with a letter a
     * name above starts with: a text is read once, whatever the number of models.
     */
    private static final Pattern ANY = Pattern.compile("(?=[хxкkіiсcцz3оoпpбsд])(?<![\\p{L}\\d])(?:"
            + String.join("|", MODELS.stream().map(m -> "(" + m.regex() + ")").toList()) + ")");

    /** Pairs the dataset spells as one model: "Іскандер-М/KN-23" is Iskander-M/KN-23, not a bundle of two. */
    private static final List<List<String>> MERGED = List.of(
            List.of("Iskander-M", "KN-23", "Iskander-M/KN-23"),
            List.of("X-59", "X-69", "X-59/X-69"),
            List.of("C-300", "C-400", "C-300/C-400"));

    /** Aircraft and other names with digits that are not counts ("МіГ-31К", "Ту-95МС"). */
    static final Pattern AIRCRAFT = Pattern.compile(PostText.wordStart("тмсіа") + "(?:ту|міг|су|іл|ан)\\s*-\\s*\\d+[\\p{L}\\d]*+");

    private WeaponNames() {
    }

    private static Model model(String spelling, Kind kind, String regex) {
        return new Model(spelling, kind, "(?:" + regex + ")");
    }

    /**
     * The models named in a text, in order of appearance, each once. At a position the most specific
     * model wins and its text is consumed ("Х-59" is not read again inside "Х-59/69").
     */
    static List<Model> find(String text) {
        Set<Model> models = new LinkedHashSet<>();
        Matcher m = ANY.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= MODELS.size(); g++) {
                if (m.start(g) >= 0) {
                    models.add(MODELS.get(g - 1));
                    break;
                }
            }
        }
        return List.copyOf(models);
    }

    /** The text with the aircraft blanked out: "Ту-95МС" carries digits but no count. */
    static String blankAircraft(String text) {
        return AIRCRAFT.matcher(text).replaceAll(" ");
    }

    /** The text with every model name blanked out (for checking what is left). */
    static String blank(String text) {
        return blankAircraft(ANY.matcher(text).replaceAll(" "));
    }

    /** The dataset spelling of one count for these models: one model, a merged pair, or a bundle joined by " and ". */
    static String spelling(List<Model> models) {
        List<String> names = new ArrayList<>(models.stream().map(Model::spelling).toList());
        for (List<String> pair : MERGED) {
            int a = names.indexOf(pair.get(0));
            int b = names.indexOf(pair.get(1));
            if (a >= 0 && b >= 0) {
                names.set(Math.min(a, b), pair.get(2));
                names.remove(Math.max(a, b));
            }
        }
        return String.join(" and ", names);
    }

    /** Every spelling this class can produce on its own (bundles are joined from these). */
    static List<String> spellings() {
        List<String> all = new ArrayList<>(MODELS.stream().map(Model::spelling).toList());
        MERGED.forEach(pair -> all.add(pair.get(2)));
        all.add(DRONES);
        all.add(BALLISTIC);
        all.add(UNKNOWN_MISSILE);
        all.add(RECONNAISSANCE);
        return all;
    }
}
