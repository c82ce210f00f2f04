package org.airattack.stats.catalog;

import java.util.List;

/**
 * What a line's weapon resolved to: one catalog weapon, or a bundle of several reported with one
 * count. A bundle's key joins its members' slugs, sorted, with '+', so the same set of weapons
 * always has the same key whatever order or separator the report used.
 *
 * @param key      the canonical key stored on the line and used as the series group
 * @param name     display name
 * @param category the weapon's category, or for a bundle the one {@link Category} precedence gives
 * @param members  the catalog weapons it stands for (one, unless a bundle)
 */
public record WeaponRef(String key, String name, Category category, List<WeaponInfo> members) {

    /** Separator of member slugs in a bundle key. */
    public static final String BUNDLE_SEPARATOR = "+";

    public boolean bundle() {
        return members.size() > 1;
    }

    /** A ref for a single weapon. */
    public static WeaponRef of(WeaponInfo weapon) {
        return new WeaponRef(weapon.slug(), weapon.name(), weapon.category(), List.of(weapon));
    }

    /** A ref for several weapons reported with one count; members must be sorted by slug. */
    public static WeaponRef bundleOf(List<WeaponInfo> sortedMembers) {
        if (sortedMembers.size() == 1) {
            return of(sortedMembers.get(0));
        }
        StringBuilder key = new StringBuilder();
        StringBuilder name = new StringBuilder();
        Category category = Category.OTHER;
        for (WeaponInfo m : sortedMembers) {
            if (!key.isEmpty()) {
                key.append(BUNDLE_SEPARATOR);
                name.append(" and ");
            }
            key.append(m.slug());
            name.append(m.name());
            category = Category.precedence(category, m.category());
        }
        return new WeaponRef(key.toString(), name.toString(), category, List.copyOf(sortedMembers));
    }
}
