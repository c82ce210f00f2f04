package org.airattack.stats.report;

import java.util.SortedMap;

import org.airattack.stats.catalog.WeaponRef;

/**
 * One weapon (or bundle) of a report with its counts. Every count is a non-negative integer or
 * null for unknown; {@code neutralised} is the stated or derived value (SPEC §1).
 *
 * @param weapon          the canonical weapon or bundle
 * @param spelling        how the report named it
 * @param launchPlace     where it was launched from, if reported
 * @param launched        launched at / detected over the country
 * @param shotDown        destroyed kinetically
 * @param suppressed      "locationally lost", mostly to electronic warfare
 * @param neutralised     shot down + suppressed, or the combined figure a report gives
 * @param stillAirborne   still in the air when the report was written
 * @param hitLocations    locations with hits
 * @param debrisLocations locations with falling debris
 * @param leftAirspace    country → number that flew on into it
 * @param shaheds         of a mixed drone total, how many were Shaheds proper
 * @param withheld        the report names the weapon but withholds its counts
 */
public record Line(WeaponRef weapon, String spelling, String launchPlace,
        Integer launched, Integer shotDown, Integer suppressed, Integer neutralised,
        Integer stillAirborne, Integer hitLocations, Integer debrisLocations,
        SortedMap<String, Integer> leftAirspace, Integer shaheds, boolean withheld) {

    /**
     * Neutralised when a report does not state it: shot down + suppressed, a missing one of the two
     * counted as 0 when the other is stated; null when neither is.
     */
    public static Integer deriveNeutralised(Integer stated, Integer shotDown, Integer suppressed) {
        if (stated != null) {
            return stated;
        }
        if (shotDown == null && suppressed == null) {
            return null;
        }
        return (shotDown == null ? 0 : shotDown) + (suppressed == null ? 0 : suppressed);
    }

    /** This line holding, where its values equal those of {@code previous}, that one's objects (or {@code previous} itself when equal). */
    Line sharing(Line previous) {
        if (equals(previous)) {
            return previous;
        }
        return new Line(Revision.same(weapon, previous.weapon), Revision.same(spelling, previous.spelling),
                Revision.same(launchPlace, previous.launchPlace), launched, shotDown, suppressed, neutralised, stillAirborne,
                hitLocations, debrisLocations, Revision.same(leftAirspace, previous.leftAirspace), shaheds, withheld);
    }
}
