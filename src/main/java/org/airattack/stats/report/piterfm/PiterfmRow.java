package org.airattack.stats.report.piterfm;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * One row of the public dataset, read by column name.
 *
 * @param row            its row number in the file (the header is row 1)
 * @param post           the {@code source} column: a Facebook post path or a URL
 * @param start          {@code time_start}, normalised ("2025-05-23T20:30" or a date)
 * @param end            {@code time_end}, normalised
 * @param model          the weapon as the dataset spells it
 * @param launchPlace    {@code launch_place}
 * @param target         {@code target}
 * @param launched       {@code launched}
 * @param destroyed      {@code destroyed}: shot down before the night to 24 July 2025, shot down + suppressed from it on
 * @param notReachGoal   {@code not_reach_goal}: suppressed
 * @param stillAttacking {@code still_attacking}
 * @param leftAirspace   {@code border_crossing}, or the older {@code cross_border_belarus} / {@code back_russia}
 * @param shaheds        {@code is_shahed}: real Shaheds inside a mixed drone total
 * @param hitLocations   {@code num_hit_location}
 * @param debrisLocations {@code num_fall_fragment_location}
 * @param hidden         {@code status_data=hidden}: the counts are withheld placeholders
 */
public record PiterfmRow(int row, String post, String start, String end, String model, String launchPlace, String target,
        BigDecimal launched, BigDecimal destroyed, BigDecimal notReachGoal, BigDecimal stillAttacking,
        SortedMap<String, BigDecimal> leftAirspace, BigDecimal shaheds, BigDecimal hitLocations, BigDecimal debrisLocations,
        boolean hidden) {
}
