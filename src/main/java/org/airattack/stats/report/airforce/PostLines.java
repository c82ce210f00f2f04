package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.airattack.stats.report.ReportRequest.LineRequest;
import org.airattack.stats.report.airforce.PostItems.Head;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.WeaponNames.Kind;
import org.airattack.stats.report.airforce.WeaponNames.Model;

/**
 * The weapon lines of one post and which line a mention belongs to: the same model, the drones, the
 * one missile of the kind an adjective names ("3 балістичні ракети"), or a new line.
 */
final class PostLines {

    /** The weapon a mention names: its spelling and models, or why it has none. */
    record Weapon(String spelling, List<Model> models, boolean drone, Set<Kind> kinds) {

        static final Weapon NONE = new Weapon(null, List.of(), false, EnumSet.noneOf(Kind.class));
        static final Weapon DRONES = new Weapon(WeaponNames.DRONES, List.of(), true, EnumSet.noneOf(Kind.class));
        static final Weapon UNKNOWN_MISSILE = new Weapon(WeaponNames.UNKNOWN_MISSILE, List.of(), false, EnumSet.noneOf(Kind.class));
        /** Reconnaissance drones ("4 розвідувальні БпЛА «Supercam»"): a line of their own, never the strike drones'. */
        static final Weapon RECONNAISSANCE = new Weapon(WeaponNames.RECONNAISSANCE, List.of(), false, EnumSet.noneOf(Kind.class));
    }

    private final List<LineDraft> lines = new ArrayList<>();
    private final List<String> problems;
    /** Each mention's weapon, found once: a mention is matched again as the weapon of the counts that stand without a noun after it. */
    private final Map<Item, Weapon> weapons = new IdentityHashMap<>();

    /** Lines whose weapon problems (a name this reader does not know) go to {@code problems}. */
    PostLines(List<String> problems) {
        this.problems = problems;
    }

    List<LineDraft> all() {
        return lines;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<LineRequest> requests() {
        return lines.stream().map(LineDraft::request).toList();
    }

    /** The line of this spelling, or null. */
    LineDraft find(String spelling) {
        return lines.stream().filter(l -> l.spelling.equals(spelling)).findFirst().orElse(null);
    }

    LineDraft add(Weapon w) {
        LineDraft line = new LineDraft(w.spelling(), w.models(), w.drone());
        line.kinds.addAll(w.kinds());
        lines.add(line);
        return line;
    }

    /** The line a stopped mention belongs to: the same weapon, the drones, the one missile of its kind, or a new line; null when it cannot tell. */
    LineDraft match(Item item, Weapon w) {
        if (w.spelling() != null) {
            for (LineDraft l : lines) {
                if (l.spelling.equals(w.spelling()) || (w.drone() && l.drone)) {
                    return l;
                }
            }
        }
        List<LineDraft> candidates;
        if (!w.models().isEmpty()) {
            candidates = lines.stream().filter(l -> l.models.stream().anyMatch(w.models()::contains)).toList();
        } else if (!w.kinds().isEmpty()) {
            candidates = lines.stream().filter(l -> l.missile() && l.kinds.stream().anyMatch(w.kinds()::contains)).toList();
        } else if (item.head == Head.MISSILE) {
            candidates = lines.stream().filter(LineDraft::missile).toList();
        } else {
            candidates = List.of();
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty() && w.spelling() != null) {
            return add(w);
        }
        return null;
    }

    /** What a mention names: the drones, Banderol, a model or bundle, a kind of missile, or a total (for a count without a noun, nothing). */
    Weapon weapon(Item item) {
        return weapons.computeIfAbsent(item, this::named);
    }

    /**
     * The lines a mention that restates them covers, to check its count against theirs: every line
     * for a total ("177 цілей"), the drones, all missiles ("74 ракети"), the missiles of a kind
     * ("3 балістичні ракети"), or those of the models it names.
     */
    List<LineDraft> covered(Item item) {
        return switch (item.head) {
            case TOTAL -> lines;
            case DRONE -> lines.stream().filter(l -> l.drone).toList();
            case BANDEROL, MUNITION -> lines.stream().filter(l -> l.kinds.contains(Kind.BANDEROL)).toList();
            case ELLIPTIC -> item.antecedent != null ? covered(item.antecedent) : lines; // alone, a count of the measure over all
            case MISSILE, MODEL -> {
                List<Model> models = WeaponNames.find(item.lower.toString());
                Set<Kind> kinds = kinds(item.adjectives);
                yield lines.stream().filter(l -> l.missile() && (models.isEmpty() ? kinds.isEmpty() || l.kinds.stream().anyMatch(kinds::contains)
                        : l.models.stream().anyMatch(models::contains))).toList();
            }
        };
    }

    private Weapon named(Item item) {
        List<Model> models = WeaponNames.find(item.lower.toString());
        return switch (item.head) {
            case TOTAL, ELLIPTIC -> Weapon.NONE;
            case DRONE -> item.adjectives.contains("розвідувальн") ? Weapon.RECONNAISSANCE : Weapon.DRONES;
            case BANDEROL, MUNITION -> {
                if (models.isEmpty() || models.stream().anyMatch(m -> m.kind() != Kind.BANDEROL)) {
                    problems.add("the weapon: " + item.where() + " names no munition this reader knows (Banderol)");
                    yield Weapon.NONE;
                }
                yield new Weapon(WeaponNames.spelling(models.subList(0, 1)), models.subList(0, 1), false, EnumSet.of(Kind.BANDEROL));
            }
            case MISSILE, MODEL -> missile(item, models);
        };
    }

    private Weapon missile(Item item, List<Model> models) {
        if (item.head == Head.MISSILE && PostItems.namesUnknownModel(item)) {
            problems.add("the weapon: " + item.where() + " names a model this reader does not know");
            return Weapon.NONE;
        }
        if (!models.isEmpty()) {
            return new Weapon(WeaponNames.spelling(models), models, false, EnumSet.noneOf(Kind.class));
        }
        Set<Kind> kinds = kinds(item.adjectives);
        if (kinds.contains(Kind.BALLISTIC)) {
            return new Weapon(WeaponNames.BALLISTIC, List.of(), false, kinds);
        }
        if (!kinds.isEmpty()) {
            return new Weapon(WeaponNames.UNKNOWN_MISSILE, List.of(), false, kinds);
        }
        return Weapon.NONE;
    }

    /** The kinds of missile an adjective names: "балістичні" covers Iskander-M, KN-23 and S-400 used against the ground. */
    private static Set<Kind> kinds(String adjectives) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (adjectives.contains("балістичн")) {
            kinds.add(Kind.BALLISTIC);
            kinds.add(Kind.SURFACE_TO_AIR);
        }
        if (adjectives.contains("крилат")) {
            kinds.add(Kind.CRUISE);
        }
        if (adjectives.contains("керован") || adjectives.contains("авіаційн")) {
            kinds.add(Kind.AIR_LAUNCHED);
            kinds.add(Kind.ANTI_RADAR);
        }
        if (adjectives.contains("протикорабельн")) {
            kinds.add(Kind.ANTI_SHIP);
        }
        if (adjectives.contains("протирадіолокаційн")) {
            kinds.add(Kind.ANTI_RADAR);
        }
        if (adjectives.contains("зенітн")) {
            kinds.add(Kind.SURFACE_TO_AIR);
        }
        return kinds;
    }

    /** Night-level figures go on the drone line, as the dataset files them, else on the first line. */
    LineDraft nightLine() {
        return lines.stream().filter(l -> l.drone).findFirst().orElse(lines.get(0));
    }
}
