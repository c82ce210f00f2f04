package org.airattack.stats.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.card.ShareCard;
import org.airattack.stats.card.ShareCardRenderer;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.SourceKind;
import org.airattack.stats.series.Measures;
import org.airattack.stats.series.NightResponse;

/**
 * A night's share card and the words around it: the card renderer's input made from a night as the
 * API answers it (windows in the source's zone, the credit in the card's language).
 */
@ApplicationScoped
public class ShareCards {

    private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("HH:mm, d MMMM");
    private static final String UK_DATASET = "набір даних «Massive Missile Attacks on Ukraine» Петра Іванюка (Kaggle)";

    private final ShareCardRenderer renderer;

    public ShareCards(ShareCardRenderer renderer) {
        this.renderer = renderer;
    }

    /** The card of this night as a PNG. */
    public byte[] png(SourceInfo source, NightResponse night, ShareCard.Lang lang) {
        return renderer.png(card(source, night, lang));
    }

    ShareCard card(SourceInfo source, NightResponse night, ShareCard.Lang lang) {
        List<ShareCard.CategoryFigures> categories = new ArrayList<>();
        night.categories().forEach(c -> categories.add(new ShareCard.CategoryFigures(c.category().slug(), figures(c.measures()))));
        List<NightResponse.ReportRef> reports = night.reports();
        String start = reports.stream().map(NightResponse.ReportRef::windowStart).min(String::compareTo).orElse(null);
        String end = reports.stream().map(NightResponse.ReportRef::windowEnd).max(String::compareTo).orElse(null);
        return new ShareCard(source.name(), source.kind() == SourceKind.CLAIM, java.time.LocalDate.parse(night.date()),
                window(start, lang), window(end, lang), figures(night.totals()), categories, night.flags().partial(),
                night.flags().withheld(), night.flags().span(), credit(source, night, lang), lang);
    }

    /** The credit line in the card's language. */
    static String credit(SourceInfo source, NightResponse night, ShareCard.Lang lang) {
        if (lang == ShareCard.Lang.UK && source.slug().equals("ua-air-force")) {
            return "Звіти Повітряних сил ЗСУ; " + UK_DATASET;
        }
        return night.attribution();
    }

    private static ShareCard.Figures figures(Measures m) {
        return new ShareCard.Figures(count(m.launched()), count(m.neutralised()), m.interceptionRate());
    }

    private static Integer count(Long n) {
        return n == null ? null : Math.toIntExact(n);
    }

    /** A window end as the source's clock read it: "20:30, 23 May" (an ISO date-time with offset, or a date). */
    private static String window(String iso, ShareCard.Lang lang) {
        if (iso == null || iso.length() <= 10) {
            return iso;
        }
        return WINDOW.withLocale(lang == ShareCard.Lang.UK ? java.util.Locale.forLanguageTag("uk-UA") : java.util.Locale.UK)
                .format(OffsetDateTime.parse(iso));
    }
}
