package org.airattack.stats.card;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one share card shows: a source's night, its figures (every one of them may be null, which
 * is unknown and is drawn as "unknown", never as 0), its flags and the credit, in one language.
 *
 * @param sourceName the source's display name, as the reader should see it
 * @param claim true for one side's unverified claims (the Russian MoD): the card says so
 * @param night the date the night is named by (its morning)
 * @param windowStart the window's start as the source's clock read it, ready to print ("20:30, 23 May"), or null
 * @param windowEnd the window's end, likewise, or null
 * @param totals the night's totals
 * @param categories per weapon category (catalog slug such as {@code drone}), in the order to draw them
 * @param partial some contributions are unknown
 * @param withheld the source withheld some counts
 * @param span a report counted here covers more than one night
 * @param credit the credit line (the API's attribution, or its translation)
 * @param lang the card's language
 */
public record ShareCard(String sourceName, boolean claim, LocalDate night, String windowStart, String windowEnd,
        Figures totals, List<CategoryFigures> categories, boolean partial, boolean withheld, boolean span,
        String credit, Lang lang) {

    public ShareCard {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(night, "night");
        Objects.requireNonNull(credit, "credit");
        Objects.requireNonNull(lang, "lang");
        totals = totals == null ? Figures.UNKNOWN : totals;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Launched, neutralised and the interception rate (a ratio from 0 to 1); null is unknown. */
    public record Figures(Integer launched, Integer neutralised, Double interceptionRate) {

        public static final Figures UNKNOWN = new Figures(null, null, null);
    }

    /** One category's figures. */
    public record CategoryFigures(String category, Figures figures) {

        public CategoryFigures {
            Objects.requireNonNull(category, "category");
            figures = figures == null ? Figures.UNKNOWN : figures;
        }
    }

    /** The card's language. */
    public enum Lang {
        EN(Locale.UK), UK(Locale.forLanguageTag("uk-UA"));

        final Locale locale;

        Lang(Locale locale) {
            this.locale = locale;
        }

        /** {@code uk} or {@code en} (any case, a region allowed: {@code uk-UA}). */
        public static Lang of(String tag) {
            String base = Objects.requireNonNull(tag, "lang").strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
            return switch (base) {
                case "uk" -> UK;
                case "en" -> EN;
                default -> throw new IllegalArgumentException("lang must be uk or en, not " + tag);
            };
        }
    }
}
