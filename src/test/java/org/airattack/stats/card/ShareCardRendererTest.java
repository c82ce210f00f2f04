package org.airattack.stats.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.airattack.stats.card.ShareCard.CategoryFigures;
import org.airattack.stats.card.ShareCard.Figures;
import org.airattack.stats.card.ShareCard.Lang;
import org.junit.jupiter.api.Test;

/** The share card: a 1200 × 630 PNG, the same for the same input, unknown drawn as unknown, Ukrainian without empty boxes. */
class ShareCardRendererTest {

    static final String CREDIT = "Reports of the Ukrainian Air Force Command. History: \"Massive Missile Attacks on Ukraine\" by Petro"
            + " Ivaniuk (Kaggle), a digitisation of the Ukrainian Air Force reports.";
    static final String CREDIT_UK = "Джерело: Повітряні сили ЗСУ; набір даних «Massive Missile Attacks on Ukraine», Петро Іванюк (Kaggle).";

    private final ShareCardRenderer renderer = new ShareCardRenderer();

    /** The night to 24 May 2025 (DOMAIN.md §1): 264 launched, 251 neutralised. */
    static ShareCard night(Lang lang, Integer droneNeutralised, String credit) {
        return new ShareCard("Ukrainian Air Force Command", false, LocalDate.of(2025, 5, 24), "20:30, 23 May", "08:30, 24 May",
                new Figures(264, droneNeutralised == null ? null : 6 + droneNeutralised, droneNeutralised == null ? null : 0.9508),
                List.of(new CategoryFigures("drone", new Figures(250, droneNeutralised, droneNeutralised == null ? null : 0.98)),
                        new CategoryFigures("ballistic-missile", new Figures(14, 6, 0.4286))),
                false, false, false, credit, lang);
    }

    @Test
    void shouldDrawA1200By630Png() throws IOException {
        byte[] png = renderer.png(night(Lang.EN, 245, CREDIT));
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(png, 4));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "share-card-en.png"), png);
    }

    @Test
    void shouldDrawTheSameBytesForTheSameCard() {
        assertArrayEquals(renderer.png(night(Lang.UK, 245, CREDIT_UK)), renderer.png(night(Lang.UK, 245, CREDIT_UK)));
    }

    @Test
    void shouldChangeItsPixelsWhenTheNumbersChange() throws IOException {
        int[] before = pixels(renderer.png(night(Lang.EN, 245, CREDIT)));
        int[] after = pixels(renderer.png(night(Lang.EN, 244, CREDIT)));
        assertFalse(Arrays.equals(before, after));
    }

    @Test
    void shouldWriteUnknownAndNeverZeroForAnUnknownCount() throws IOException {
        List<String> known = renderer.texts(night(Lang.EN, 245, CREDIT));
        assertTrue(known.containsAll(List.of("Night to 24 May 2025", "From 20:30, 23 May to 08:30, 24 May", "264", "251", "95.1%",
                "250 → 245 · 98.0%", "14 → 6 · 42.9%")), known.toString());
        // the night to 23 May: launched known, neutralised not reported yet
        List<String> unknown = renderer.texts(night(Lang.EN, null, CREDIT));
        assertTrue(unknown.containsAll(List.of("264", "unknown", "250 → unknown · unknown")), unknown.toString());
        assertTrue(unknown.stream().noneMatch(t -> t.equals("0") || t.contains("→ 0")), unknown.toString());
        assertFalse(Arrays.equals(pixels(renderer.png(night(Lang.EN, null, CREDIT))), pixels(renderer.png(night(Lang.EN, 0, CREDIT)))),
                "unknown and 0 look the same");
    }

    @Test
    void shouldSetUkrainianInAFontThatHasItsLetters() throws IOException {
        ShareCard card = new ShareCard("Командування Повітряних сил ЗСУ", false, LocalDate.of(2025, 5, 24), "20:30 23 травня",
                "08:30 24 травня", new Figures(1177, null, null), List.of(new CategoryFigures("drone", new Figures(1177, null, null))),
                true, true, false, CREDIT_UK, Lang.UK);
        List<String> texts = renderer.texts(card);
        assertTrue(texts.containsAll(List.of("Ніч на 24 травня 2025 р.", "З 20:30 23 травня до 08:30 24 травня", "Запущено",
                "Знешкоджено", "Частка знешкоджених", "1\u00a0177", "невідомо", "Дрони", "1\u00a0177 → невідомо · невідомо",
                "Частина чисел невідома. Джерело не розкрило частину чисел.")), texts.toString());
        Font font = new Font(renderer.family(), Font.PLAIN, 20);
        for (String text : texts) {
            assertEquals(-1, font.canDisplayUpTo(text), renderer.family() + " has no glyph in “" + text + "”");
        }
        assertEquals(-1, font.canDisplayUpTo(ShareCardRenderer.SAMPLE));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "share-card-uk.png"), renderer.png(card));
    }

    @Test
    void shouldMarkAClaimAndATallyOfSeveralNights() {
        ShareCard claim = new ShareCard("Ministry of Defence of the Russian Federation", true, LocalDate.of(2025, 5, 23),
                "20:00, 20 May", "08:00, 23 May", new Figures(null, 788, null),
                List.of(new CategoryFigures("drone", new Figures(null, 788, null))), true, false, true,
                "Claims published by the Ministry of Defence of the Russian Federation; unverified.", Lang.EN);
        List<String> texts = renderer.texts(claim);
        assertTrue(texts.containsAll(List.of("Ministry of Defence of the Russian Federation — One side's claim, not verified",
                "Multi-night tally to 23 May 2025", "unknown", "788")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("A report here covers more than one night.")), texts.toString());
    }

    @Test
    void shouldDrawTheCategoriesThatFitAndSayHowManyMore() throws IOException {
        List<CategoryFigures> six = List.of("drone", "cruise-missile", "ballistic-missile", "guided-bomb", "surface-to-air-missile", "other")
                .stream().map(c -> new CategoryFigures(c, new Figures(10, 5, 0.5))).toList();
        ShareCard card = new ShareCard("Ukrainian Air Force Command", false, LocalDate.of(2026, 3, 24), "18:00, 23 March",
                "08:30, 24 March", new Figures(60, 30, 0.5), six, true, true, true, CREDIT, Lang.EN);
        List<String> texts = renderer.texts(card);
        long rows = texts.stream().filter(t -> t.equals("10 → 5 · 50.0%")).count();
        assertTrue(rows >= 2 && rows < 6, texts.toString());
        assertTrue(texts.contains("+" + (6 - rows) + " more categories"), texts.toString());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "share-card-full.png"), renderer.png(card));
    }

    @Test
    void shouldReadItsLanguageFromATag() {
        assertEquals(Lang.UK, Lang.of("uk-UA"));
        assertEquals(Lang.EN, Lang.of("EN"));
        assertThrows(IllegalArgumentException.class, () -> Lang.of("fr"));
    }

    private static int[] pixels(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
