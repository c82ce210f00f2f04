package org.airattack.stats.catalog;

import java.util.List;

/**
 * A catalog weapon as the service uses it.
 *
 * @param slug     catalog key, e.g. {@code kh-101-kh-555}
 * @param name     display name
 * @param category its category
 * @param aliases  the spellings that name it (dataset spellings first among them)
 */
public record WeaponInfo(String slug, String name, Category category, List<String> aliases) {
}
