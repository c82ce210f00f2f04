package org.airattack.stats.series;

import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.SourceKind;

/** The credit line that goes with every set of numbers the API serves. */
public final class Attribution {

    /** The public dataset the history is imported from. */
    public static final String DATASET = "History: \"Massive Missile Attacks on Ukraine\" by Petro Ivaniuk (Kaggle), "
            + "a digitisation of the Ukrainian Air Force reports.";

    private Attribution() {
    }

    public static String of(SourceInfo source) {
        if (source.kind() == SourceKind.CLAIM) {
            return "Claims published by the " + source.name().replace(" (claims)", "") + "; unverified.";
        }
        return "Reports of the " + source.name() + ". " + DATASET;
    }
}
