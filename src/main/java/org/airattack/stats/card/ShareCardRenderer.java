package org.airattack.stats.card;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.card.ShareCard.CategoryFigures;
import org.airattack.stats.card.ShareCard.Figures;
import org.airattack.stats.card.ShareCard.Lang;

/**
 * Draws a {@link ShareCard} as a 1200 × 630 PNG for social posts, with Java2D only (no HTTP, no
 * browser): the same input gives the same bytes. Text is set in the first installed font family
 * that has both Latin and Cyrillic (DejaVu Sans on Debian, from {@code fonts-dejavu-core}); a card
 * whose text the font cannot show is refused rather than drawn with empty boxes.
 */
@ApplicationScoped
public class ShareCardRenderer {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    /** Families tried in turn; the logical SansSerif last, as fontconfig maps it. */
    static final List<String> FAMILIES = List.of("DejaVu Sans", "Noto Sans", "Liberation Sans", Font.SANS_SERIF);
    /** Letters every card may need: Latin, Ukrainian Cyrillic, the typography of both. */
    static final String SAMPLE = "AZaz09 АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя’«»—–…→·%\u00a0";

    private static final int PAD = 56;
    /** The height of one category's row. */
    private static final int ROW = 42;
    // Colours as RGB values, not java.awt objects: nothing of AWT is made while a native image is built.
    private static final int PAPER = 0x16181c;
    private static final int INK = 0xececec;
    private static final int MUTED = 0xb0b0b0;
    private static final int WARN = 0xf3cf8a;
    private static final int RULE = 0x3a3d42;
    /** The widget's dark-theme colours (widget.css), 7:1 or more against the paper. */
    private static final Map<String, Integer> COLOURS = Map.of(
            "drone", 0xe69f00, "cruise-missile", 0x56b4e9, "ballistic-missile", 0xff7f5c,
            "guided-bomb", 0xe38fc4, "surface-to-air-missile", 0x22b98c, "other", 0xa3a3a3);

    private static final Map<Lang, Words> WORDS = Map.of(
            Lang.EN, new Words("Night to ", "Multi-night tally to ", "", "From %s to %s", "Launched", "Neutralised",
                    "Interception rate", "unknown", "One side's claim, not verified", "Some counts are not known.",
                    "The source withheld some counts.", "A report here covers more than one night.", "+%d more categories",
                    "launched → neutralised · rate",
                    Map.of("drone", "Drones", "cruise-missile", "Cruise missiles", "ballistic-missile", "Ballistic missiles",
                            "guided-bomb", "Guided bombs", "surface-to-air-missile", "Surface-to-air missiles", "other", "Other")),
            Lang.UK, new Words("Ніч на ", "Підсумок кількох ночей до ", " р.", "З %s до %s", "Запущено", "Знешкоджено",
                    "Частка знешкоджених", "невідомо", "Твердження однієї зі сторін, не перевірене", "Частина чисел невідома.",
                    "Джерело не розкрило частину чисел.", "Один зі звітів охоплює кілька ночей.", "ще типів: %d",
                    "запущено → знешкоджено · частка",
                    Map.of("drone", "Дрони", "cruise-missile", "Крилаті ракети", "ballistic-missile", "Балістичні ракети",
                            "guided-bomb", "Керовані авіабомби", "surface-to-air-missile", "Зенітні ракети", "other", "Інше")));

    private final String family;

    public ShareCardRenderer() {
        this.family = FAMILIES.stream().filter(ShareCardRenderer::hasCyrillic).findFirst().orElseThrow(() -> new IllegalStateException(
                "no installed font shows Cyrillic (tried " + FAMILIES + "): install fonts-dejavu-core and fontconfig"));
    }

    /** The font family the cards are set in. */
    public String family() {
        return family;
    }

    /** The card as PNG bytes. */
    public byte[] png(ShareCard card) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image(card), "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The card as an image. */
    public BufferedImage image(ShareCard card) {
        List<Mark> marks = layout(card);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(PAPER));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (Mark m : marks) {
                m.paint(g);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The texts of a card, in drawing order: what a reader can read on it. */
    List<String> texts(ShareCard card) {
        return layout(card).stream().filter(Text.class::isInstance).map(m -> ((Text) m).text()).toList();
    }

    // ---- layout ------------------------------------------------------------------------------

    private List<Mark> layout(ShareCard card) {
        Words w = WORDS.get(card.lang());
        Locale locale = card.lang().locale;
        NumberFormat counts = NumberFormat.getIntegerInstance(locale);
        NumberFormat rates = NumberFormat.getPercentInstance(locale);
        rates.setMinimumFractionDigits(1);
        rates.setMaximumFractionDigits(1);
        Measure measure = new Measure();
        List<Mark> marks = new ArrayList<>();

        int y = PAD + 22;
        String who = card.claim() ? card.sourceName() + " — " + w.claim() : card.sourceName();
        marks.add(text(measure.fit(who, font(Font.PLAIN, 26), WIDTH - 2 * PAD), card.claim() ? WARN : MUTED, PAD, y, who));
        y += 58;
        String title = (card.span() ? w.span() : w.night()) + DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(card.night())
                + w.year();
        marks.add(text(measure.fit(title, font(Font.BOLD, 54), WIDTH - 2 * PAD), INK, PAD, y, title));
        if (card.windowStart() != null && card.windowEnd() != null) {
            y += 38;
            String window = String.format(locale, w.window(), card.windowStart(), card.windowEnd());
            marks.add(text(measure.fit(window, font(Font.PLAIN, 26), WIDTH - 2 * PAD), MUTED, PAD, y, window));
        }

        // the three headline figures
        y += 46;
        Figures t = card.totals();
        String[] labels = { w.launched(), w.neutralised(), w.rate() };
        String[] values = { count(t.launched(), counts, w), count(t.neutralised(), counts, w), rate(t.interceptionRate(), rates, w) };
        boolean[] known = { t.launched() != null, t.neutralised() != null, t.interceptionRate() != null };
        int column = (WIDTH - 2 * PAD) / 3;
        for (int i = 0; i < 3; i++) {
            int x = PAD + i * column;
            marks.add(text(measure.fit(labels[i], font(Font.PLAIN, 24), column - 24), MUTED, x, y, labels[i]));
            Font big = known[i] ? font(Font.BOLD, 72) : font(Font.PLAIN, 44);
            marks.add(text(measure.fit(values[i], big, column - 24), known[i] ? INK : MUTED, x, y + 74, values[i]));
        }
        y += 100;

        // the flags and the credit at the foot; the categories take the room between
        List<String> flags = new ArrayList<>();
        if (card.partial()) {
            flags.add(w.partial());
        }
        if (card.withheld()) {
            flags.add(w.withheld());
        }
        if (card.span()) {
            flags.add(w.spanNote());
        }
        List<String> credit = measure.wrap(card.credit(), font(Font.PLAIN, 20), WIDTH - 2 * PAD, 2);
        int foot = HEIGHT - PAD + 24 - 26 * (credit.size() - 1);
        int bottom = flags.isEmpty() ? foot - 30 : foot - 62;

        // one row per category: an outlined launched bar over a filled neutralised bar, then the numbers
        List<CategoryFigures> rows = card.categories();
        int barX = PAD + 300;
        int barW = 420;
        int numbersX = barX + barW + 28;
        if (!rows.isEmpty()) {
            marks.add(new Box(PAD, y, WIDTH - 2 * PAD, 1, RULE, true));
            y += 28;
            // the key: what the two bars and the numbers are
            marks.add(new Box(barX, y - 14, 14, 14, MUTED, false));
            marks.add(text(font(Font.PLAIN, 20), MUTED, barX + 20, y, w.launched()));
            int next = barX + 20 + measure.width(w.launched(), font(Font.PLAIN, 20)) + 24;
            marks.add(new Box(next, y - 14, 14, 14, MUTED, true));
            marks.add(text(font(Font.PLAIN, 20), MUTED, next + 20, y, w.neutralised()));
            String key = w.key();
            marks.add(text(measure.fit(key, font(Font.PLAIN, 20), WIDTH - PAD - numbersX), MUTED, numbersX, y, key));
            y += 8;
        }
        int fit = Math.max(0, (bottom - y) / ROW);
        int shown = rows.size() <= fit ? rows.size() : Math.max(0, fit - 1);
        int max = rows.stream().mapToInt(r -> Math.max(orZero(r.figures().launched()), orZero(r.figures().neutralised()))).max().orElse(0);
        for (int i = 0; i < shown; i++) {
            CategoryFigures row = rows.get(i);
            Figures f = row.figures();
            int colour = COLOURS.getOrDefault(row.category(), COLOURS.get("other"));
            String label = w.categories().getOrDefault(row.category(), row.category());
            marks.add(text(measure.fit(label, font(Font.PLAIN, 26), 280), INK, PAD, y + 27, label));
            if (max > 0 && f.launched() != null) {
                marks.add(new Box(barX, y + 6, Math.max(2, barW * f.launched() / max), 13, colour, false));
            }
            if (max > 0 && f.neutralised() != null && f.neutralised() > 0) {
                marks.add(new Box(barX, y + 22, Math.max(2, barW * f.neutralised() / max), 13, colour, true));
            }
            String numbers = count(f.launched(), counts, w) + " → " + count(f.neutralised(), counts, w) + " · "
                    + rate(f.interceptionRate(), rates, w);
            marks.add(text(measure.fit(numbers, font(Font.PLAIN, 26), WIDTH - PAD - numbersX), INK, numbersX, y + 27, numbers));
            y += ROW;
        }
        if (rows.size() > shown) {
            String more = String.format(locale, w.more(), rows.size() - shown);
            marks.add(text(font(Font.PLAIN, 22), MUTED, PAD, y + 22, more));
            y += ROW;
        }
        if (!flags.isEmpty()) {
            String line = String.join(" ", flags);
            marks.add(text(measure.fit(line, font(Font.PLAIN, 22), WIDTH - 2 * PAD), WARN, PAD, Math.min(y + 24, foot - 40), line));
        }
        for (int i = 0; i < credit.size(); i++) {
            marks.add(text(font(Font.PLAIN, 20), MUTED, PAD, foot + 26 * i, credit.get(i)));
        }
        for (Mark m : marks) {
            if (m instanceof Text text && text.font().canDisplayUpTo(text.text()) >= 0) {
                throw new IllegalStateException(family + " cannot show “" + text.text() + "”");
            }
        }
        return marks;
    }

    private Font font(int style, int size) {
        return new Font(family, style, size);
    }

    private static Text text(Font font, int colour, int x, int y, String text) {
        return new Text(text, font, colour, x, y);
    }

    private static String count(Integer v, NumberFormat format, Words w) {
        return v == null ? w.unknown() : format.format(v);
    }

    private static String rate(Double v, NumberFormat format, Words w) {
        return v == null ? w.unknown() : format.format(v);
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private static boolean hasCyrillic(String family) {
        Font font = new Font(family, Font.PLAIN, 12);
        boolean installed = family.equals(Font.SANS_SERIF) || font.getFamily(Locale.ROOT).equalsIgnoreCase(family);
        return installed && font.canDisplayUpTo(SAMPLE) < 0;
    }

    // ---- marks -------------------------------------------------------------------------------

    /** Something drawn on the card. */
    private sealed interface Mark permits Text, Box {
        void paint(Graphics2D g);
    }

    private record Text(String text, Font font, int colour, int x, int y) implements Mark {
        @Override
        public void paint(Graphics2D g) {
            g.setFont(font);
            g.setColor(new Color(colour));
            g.drawString(text, x, y);
        }
    }

    private record Box(int x, int y, int width, int height, int colour, boolean filled) implements Mark {
        @Override
        public void paint(Graphics2D g) {
            g.setColor(new Color(colour));
            if (filled) {
                g.fillRect(x, y, width, height);
            } else {
                g.setStroke(new BasicStroke(2f));
                g.drawRect(x + 1, y + 1, Math.max(width - 2, 1), height - 2);
            }
        }
    }

    /** Text widths, from a scratch image's metrics. */
    private static final class Measure {
        private final Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

        Measure() {
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        }

        int width(String text, Font font) {
            FontMetrics m = g.getFontMetrics(font);
            return m.stringWidth(text);
        }

        /** The font, made smaller until the text fits the width (down to 60 %). */
        Font fit(String text, Font font, int width) {
            Font f = font;
            while (width(text, f) > width && f.getSize() > font.getSize() * 0.6) {
                f = f.deriveFont((float) f.getSize() - 1);
            }
            return f;
        }

        /** The text broken at spaces into at most {@code lines} lines of the width; the last one ends in "…" when cut. */
        List<String> wrap(String text, Font font, int width, int lines) {
            List<String> out = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                String next = line.isEmpty() ? word : line + " " + word;
                if (width(next, font) <= width || line.isEmpty()) {
                    line.setLength(0);
                    line.append(next);
                } else {
                    out.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            out.add(line.toString());
            if (out.size() > lines) {
                List<String> cut = new ArrayList<>(out.subList(0, lines));
                String last = cut.get(lines - 1);
                while (!last.isEmpty() && width(last + "…", font) > width) {
                    last = last.substring(0, last.length() - 1);
                }
                cut.set(lines - 1, last.strip() + "…");
                return cut;
            }
            return out;
        }
    }

    /** The words of one language. */
    private record Words(String night, String span, String year, String window, String launched, String neutralised,
            String rate, String unknown, String claim, String partial, String withheld, String spanNote, String more,
            String key, Map<String, String> categories) {
    }
}
