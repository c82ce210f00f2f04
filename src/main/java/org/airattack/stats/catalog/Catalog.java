package org.airattack.stats.catalog;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The source and weapon catalogs, loaded from the database once at start-up (they change only by
 * migration) and resolved in memory: spelling → canonical weapon or bundle.
 */
@ApplicationScoped
public class Catalog {

    /** Slug of the catch-all weapon the dataset import files unknown models under. */
    public static final String UNKNOWN_WEAPON = "unknown";

    private static final Pattern AND = Pattern.compile("\\s+and\\s+|\\s*\\+\\s*|\\s*&\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_AROUND_PUNCT = Pattern.compile("\\s*([/-])\\s*");

    private final CatalogRepository repository;

    private volatile Map<String, SourceInfo> sources = Map.of();
    private volatile Map<String, SourceInfo> sourcesByDatasetName = Map.of();
    private volatile Map<String, WeaponInfo> weapons = Map.of();
    private volatile Map<String, WeaponInfo> byKey = Map.of();

    public Catalog(CatalogRepository repository) {
        this.repository = repository;
    }

    /** Runs first: everything else resolves through the catalog. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::load);
    }

    private void load() {
        Map<String, SourceInfo> s = new LinkedHashMap<>();
        Map<String, SourceInfo> sd = new HashMap<>();
        for (Source src : repository.sources()) {
            SourceInfo info = new SourceInfo(src.slug, src.name, SourceKind.valueOf(src.kind.toUpperCase(Locale.ROOT)),
                    src.country, ZoneId.of(src.timeZone), src.datasetName);
            s.put(info.slug(), info);
            if (info.datasetName() != null) {
                sd.put(info.datasetName().toLowerCase(Locale.ROOT), info);
            }
        }
        Map<String, List<String>> aliases = new HashMap<>();
        for (WeaponAlias a : repository.aliases()) {
            aliases.computeIfAbsent(a.weaponSlug, k -> new ArrayList<>()).add(a.alias);
        }
        Map<String, WeaponInfo> w = new LinkedHashMap<>();
        Map<String, WeaponInfo> keys = new HashMap<>();
        for (Weapon weapon : repository.weapons()) {
            Category category = Category.fromSlug(weapon.category)
                    .orElseThrow(() -> new IllegalStateException("weapon " + weapon.slug + " has unknown category " + weapon.category));
            WeaponInfo info = new WeaponInfo(weapon.slug, weapon.name, category, List.copyOf(aliases.getOrDefault(weapon.slug, List.of())));
            w.put(info.slug(), info);
            if (!UNKNOWN_WEAPON.equals(info.slug())) {
                register(keys, info.slug(), info);
                for (String alias : info.aliases()) {
                    register(keys, alias, info);
                }
            }
        }
        if (!w.containsKey(UNKNOWN_WEAPON)) {
            throw new IllegalStateException("the weapon catalog lacks the catch-all weapon '" + UNKNOWN_WEAPON + "'");
        }
        sources = Map.copyOf(s);
        sourcesByDatasetName = Map.copyOf(sd);
        weapons = java.util.Collections.unmodifiableMap(w);
        byKey = Map.copyOf(keys);
        Log.infof("catalog loaded: %d sources, %d weapons, %d spellings", s.size(), w.size(), keys.size());
    }

    private static void register(Map<String, WeaponInfo> keys, String spelling, WeaponInfo weapon) {
        WeaponInfo previous = keys.put(normalise(spelling), weapon);
        if (previous != null && !previous.slug().equals(weapon.slug())) {
            throw new IllegalStateException("spelling '" + spelling + "' names both " + previous.slug() + " and " + weapon.slug());
        }
    }

    public Collection<SourceInfo> sources() {
        return new TreeMap<>(sources).values();
    }

    public Optional<SourceInfo> source(String slug) {
        return slug == null ? Optional.empty() : Optional.ofNullable(sources.get(slug));
    }

    /** The source the public dataset names so (its {@code source} column's first path segment). */
    public Optional<SourceInfo> sourceByDatasetName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(sourcesByDatasetName.get(name.toLowerCase(Locale.ROOT)));
    }

    public Collection<WeaponInfo> weapons() {
        return weapons.values();
    }

    public WeaponRef unknownWeapon() {
        return WeaponRef.of(weapons.get(UNKNOWN_WEAPON));
    }

    /**
     * Resolves a reported spelling: a slug, an alias, or several of them joined by " and " (a
     * bundle). A slash-joined name that is not itself an alias ("X-22/X-32") is the bundle of its
     * parts when every part is known. Case, order, Cyrillic look-alike letters and spacing do not
     * matter.
     */
    public Optional<WeaponRef> resolve(String spelling) {
        if (spelling == null || spelling.isBlank()) {
            return Optional.empty();
        }
        String key = normalise(spelling);
        WeaponInfo direct = byKey.get(key);
        if (direct != null) {
            return Optional.of(WeaponRef.of(direct));
        }
        Map<String, WeaponInfo> members = new TreeMap<>();
        for (String part : AND.split(key)) {
            if (part.isBlank()) {
                return Optional.empty();
            }
            if (!addPart(part, members)) {
                return Optional.empty();
            }
        }
        return Optional.of(WeaponRef.bundleOf(List.copyOf(members.values())));
    }

    private boolean addPart(String part, Map<String, WeaponInfo> members) {
        WeaponInfo w = byKey.get(part);
        if (w != null) {
            members.put(w.slug(), w);
            return true;
        }
        if (!part.contains("/")) {
            return false;
        }
        for (String variant : part.split("/")) {
            WeaponInfo v = byKey.get(variant);
            if (v == null) {
                return false;
            }
            members.put(v.slug(), v);
        }
        return true;
    }

    /** The weapon or bundle a stored line's key stands for (the catch-all when the catalog no longer has it). */
    public WeaponRef byStoredKey(String key) {
        WeaponInfo single = weapons.get(key);
        if (single != null) {
            return WeaponRef.of(single);
        }
        List<WeaponInfo> members = new ArrayList<>();
        for (String slug : key.split(Pattern.quote(WeaponRef.BUNDLE_SEPARATOR))) {
            WeaponInfo m = weapons.get(slug);
            if (m == null) {
                return unknownWeapon();
            }
            members.add(m);
        }
        members.sort(Comparator.comparing(WeaponInfo::slug));
        return WeaponRef.bundleOf(members);
    }

    /** Up to five catalog spellings closest to an unknown one, for the error message. */
    public List<String> closeMatches(String spelling) {
        String key = normalise(spelling == null ? "" : spelling);
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (WeaponInfo w : weapons.values()) {
            if (UNKNOWN_WEAPON.equals(w.slug())) {
                continue;
            }
            int best = distance(key, w.slug());
            String bestName = w.slug();
            for (String alias : w.aliases()) {
                int d = distance(key, normalise(alias));
                if (d < best) {
                    best = d;
                    bestName = alias;
                }
            }
            if (!key.isEmpty() && (w.slug().contains(key) || key.contains(w.slug()))) {
                best = Math.min(best, 1);
            }
            scored.add(new Scored(bestName.equals(w.slug()) ? w.slug() : bestName + " (" + w.slug() + ")", best));
        }
        int limit = Math.max(2, key.length() / 2);
        return scored.stream()
                .filter(s -> s.score() <= limit)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(5)
                .map(Scored::name)
                .toList();
    }

    /** Lower case, Cyrillic look-alikes folded to Latin, dashes unified, spaces collapsed. */
    static String normalise(String spelling) {
        String s = Normalizer.normalize(spelling.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(fold(s.charAt(i)));
        }
        s = SPACES.matcher(sb).replaceAll(" ");
        return SPACE_AROUND_PUNCT.matcher(s).replaceAll("$1");
    }

    private static char fold(char c) {
        return switch (c) {
            case 'х' -> 'x';
            case 'с' -> 'c';
            case 'а' -> 'a';
            case 'е' -> 'e';
            case 'о' -> 'o';
            case 'р' -> 'p';
            case 'к' -> 'k';
            case 'м' -> 'm';
            case 'т' -> 't';
            case 'в' -> 'b';
            case 'н' -> 'h';
            case 'і' -> 'i';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
            case '\u00a0' -> ' ';
            default -> c;
        };
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
