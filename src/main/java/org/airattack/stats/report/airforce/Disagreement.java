package org.airattack.stats.report.airforce;

/**
 * Two readings of one figure in a post that disagree: what one place states (the headline, a total
 * beside the items, the radar inventory, the "M" of "знищено N з M") against what the rest of the
 * post reads as. The reader keeps the items and says so; an unattended caller refuses the post.
 *
 * @param check   which reading states the figure
 * @param quote   that reading as written, shortened
 * @param measure the measure stated ("launched", "neutralised", "shot down", "suppressed")
 * @param stated  the figure that reading states
 * @param read    the figure the items give instead
 */
public record Disagreement(Check check, String quote, String measure, int stated, int read) {

    /** Where the figure that disagrees is stated. */
    public enum Check {
        /** "⚡️ ЗБИТО/ПОДАВЛЕНО 96 ЦІЛЕЙ" above the report. */
        HEADLINE("headline", "the headline ", "the items add up to", "the items are stored"),
        /** "збито/подавлено 177 цілей – …": a total in the sentence that lists the items. */
        STATED_TOTAL("stated-total", "the total ", "the items add up to", "the items are stored"),
        /** "Загалом виявлено та здійснено супровід 559-ти засобів": what radar tracked. */
        RADAR_INVENTORY("radar-inventory", "the radar inventory ", "the items add up to", "the items are stored"),
        /** "знищено 16 з 21": the 21 against the launched figure read elsewhere. */
        DESTROYED_OF("destroyed-of", "", "the launched figure is", "that figure is stored");

        private final String slug;
        private final String label;
        private final String against;
        private final String kept;

        Check(String slug, String label, String against, String kept) {
            this.slug = slug;
            this.label = label;
            this.against = against;
            this.kept = kept;
        }

        public String slug() {
            return slug;
        }
    }

    /** The warning that goes with it, for the editor. */
    public String message() {
        return conflict() + "; " + check.kept;
    }

    /** The two readings, without what was stored: the reason a post is refused. */
    public String conflict() {
        return check.label + "'" + quote + "' says " + stated + " " + measure + ", " + check.against + " " + read;
    }
}
