package org.airattack.stats.report.airforce;

/** What a post that is not a national Air Force report is instead. */
public enum PostKind {
    /** "Уточнена інформація …": a correction of part of a night already reported; ingesting it would count twice. */
    CLARIFICATION("clarification", "a clarification of a night already reported (post the corrected report itself instead)"),
    /** "БпЛА курсом на …": where a drone or missile is heading, no window and no counts. */
    LIVE_TRACKING("live-tracking", "a live tracking message (a course or position, no window and no counts)"),
    /** "Повітряна тривога в …": a siren notice. */
    AIR_RAID_ALERT("air-raid-alert", "an air-raid alert"),
    /** "Повітряне командування «Захід» … Знищено 65": a regional command's own zone, never added to the national figures. */
    REGIONAL_TALLY("regional-tally", "a regional command's tally (never added to the national report)"),
    /** The text under a video. */
    VIDEO_CAPTION("video-caption", "a video caption"),
    /** Anything else without a window and counts. */
    OTHER("other", "a text with neither a window ('У ніч на …', 'Протягом дня …') nor counts");

    private final String slug;
    private final String description;

    PostKind(String slug, String description) {
        this.slug = slug;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    public String description() {
        return description;
    }
}
