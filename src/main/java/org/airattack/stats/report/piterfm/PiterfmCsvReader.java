package org.airattack.stats.report.piterfm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.problem.DomainException;
import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.problem.TooLargeException;
import org.airattack.stats.report.ReportValidator;
import org.airattack.stats.common.Clip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.quarkus.logging.Log;

/**
 * Streams the public dataset's CSV ("Massive Missile Attacks on Ukraine", Petro Ivaniuk) through
 * Jackson's CSV parser, mapping columns by header name so every layout of the file loads (9, 16,
 * 17 and 22 columns, a trailing {@code status_data}). A row it cannot read fails the whole file, and
 * so does a file larger than the limits below, which hold what one import keeps in memory.
 */
public final class PiterfmCsvReader {

    /** Columns every layout has. */
    static final List<String> REQUIRED = List.of("time_start", "time_end", "model", "launched", "destroyed", "source");

    /** How often a long file logs its progress. */
    static final int PROGRESS_EVERY = 1000;

    /** The longest cell, quotes included; the 2026 dataset's longest is about 400 characters. */
    static final int MAX_CELL = 4096;
    /** The longest row; the 2026 dataset's longest is about 750 characters. */
    static final int MAX_ROW = 16_384;
    /**
     * The most data rows and characters one file may hold. The rows are kept in memory until the
     * file is stored, all or nothing: the image's 72 MiB heap takes a file of about three times the
     * 2026 dataset (3,800 rows, 0.8 MB), and the parser would otherwise hold whatever a client sends.
     */
    static final int MAX_ROWS = 10_000;
    static final long MAX_CHARS = 4L * 1024 * 1024;

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).build();
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{1,2}):(\\d{2})(?::\\d{2})?)?");
    private static final Pattern DICT_ENTRY = Pattern.compile("'([^']*)'\\s*:\\s*([^,}]*)");

    private PiterfmCsvReader() {
    }

    /**
     * Reads every row; warnings about columns it had to ignore go to {@code warn}.
     *
     * @throws InvalidException 400 naming the row and column of the first value it cannot read, or the missing columns
     */
    public static List<PiterfmRow> read(InputStream body, Consumer<ImportResult.Warning> warn) {
        List<PiterfmRow> rows = new ArrayList<>();
        int row = 1;
        BoundedCsvText text;
        try {
            text = new BoundedCsvText(new StrictUtf8Reader(withoutBom(body)));
        } catch (IOException e) {
            throw new InvalidException("body", "the file could not be read: " + e.getMessage());
        }
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            if (!it.hasNextValue()) {
                throw new InvalidException("body", "the file is empty; expected the dataset's CSV with a header row");
            }
            Map<String, Integer> columns = header(it.nextValue());
            while (it.hasNextValue()) {
                row++;
                String[] values = it.nextValue();
                if (values.length == 1 && values[0].isBlank()) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new TooLargeException("row " + row + ": a file may hold at most " + MAX_ROWS
                            + " data rows; import it in parts with onMissing=keep");
                }
                rows.add(row(row, values, columns, warn));
                if (rows.size() % PROGRESS_EVERY == 0) {
                    Log.infof("dataset import: read %d rows", rows.size());
                }
            }
        } catch (CharacterCodingException e) {
            throw notUtf8(text);
        } catch (JsonProcessingException e) {
            // past the first record, the parser wraps what the text reader throws
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(text);
            }
            if (e.getCause() instanceof DomainException limit) {
                throw limit;
            }
            throw new InvalidException("body", "row " + (row + 1) + ": not readable as CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidException("body", "the file could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io && !(e instanceof InvalidException)) {
                throw new InvalidException("body", "row " + (row + 1) + ": not readable as CSV: " + io.getMessage());
            }
            throw e;
        }
        return rows;
    }

    private static InvalidException notUtf8(BoundedCsvText text) {
        return new InvalidException("body", "row " + text.row + ": the file is not UTF-8 text (a byte sequence there is malformed, "
                + "overlong or an encoded surrogate)");
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(3);
        byte[] head = b.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF)) {
            b.reset();
        }
        return b;
    }

    private static Map<String, Integer> header(String[] names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.putIfAbsent(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidException("header", "row 1 lacks the column(s) " + String.join(", ", missing)
                    + "; this does not look like the dataset's CSV (columns found: "
                    + String.join(", ", java.util.Arrays.stream(names).limit(25).map(PiterfmCsvReader::clip).toList())
                    + ")");
        }
        return columns;
    }

    private static PiterfmRow row(int row, String[] values, Map<String, Integer> columns, Consumer<ImportResult.Warning> warn) {
        Cells c = new Cells(row, values, columns);
        SortedMap<String, BigDecimal> left = dict(c, "border_crossing", warn);
        BigDecimal belarus = c.count("cross_border_belarus");
        BigDecimal russia = c.count("back_russia");
        if (belarus != null) {
            left.merge("belarus", belarus, BigDecimal::add);
        }
        if (russia != null) {
            left.merge("russia", russia, BigDecimal::add);
        }
        String post = c.text("source");
        if (post == null) {
            throw c.error("source", "is empty; every row names the post it comes from");
        }
        String model = c.text("model");
        if (model == null) {
            throw c.error("model", "is empty");
        }
        return new PiterfmRow(row, post, c.time("time_start"), c.time("time_end"), model, c.text("launch_place"),
                c.text("target"), c.count("launched"), c.count("destroyed"), c.count("not_reach_goal"),
                c.count("still_attacking"), left, c.count("is_shahed"), c.count("num_hit_location"),
                c.count("num_fall_fragment_location"), "hidden".equalsIgnoreCase(c.text("status_data")));
    }

    private static SortedMap<String, BigDecimal> dict(Cells c, String column, Consumer<ImportResult.Warning> warn) {
        SortedMap<String, BigDecimal> out = new TreeMap<>();
        String text = c.text(column);
        if (text == null || text.equals("{}")) {
            return out;
        }
        if (!text.startsWith("{") || !text.endsWith("}")) {
            warn.accept(new ImportResult.Warning(c.row,
                    "row " + c.row + ": column " + column + " is not a dictionary ('" + clip(text) + "'); ignored"));
            return out;
        }
        Matcher m = DICT_ENTRY.matcher(text);
        while (m.find()) {
            BigDecimal n = number(m.group(2));
            if (n != null) {
                out.merge(m.group(1).strip().toLowerCase(Locale.ROOT), n, BigDecimal::add);
            }
        }
        return out;
    }

    /** A number as the dataset writes it ("250.0"), or null for empty, NaN and None. */
    static BigDecimal number(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("nan") || t.equals("None") || t.equalsIgnoreCase("null")) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(t);
        }
    }

    private static String clip(String s) {
        return Clip.clip(s, 40);
    }

    /** The cells of one row, by column name. */
    private static final class Cells {
        final int row;
        final String[] values;
        final Map<String, Integer> columns;

        Cells(int row, String[] values, Map<String, Integer> columns) {
            this.row = row;
            this.values = values;
            this.columns = columns;
        }

        String text(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= values.length) {
                return null;
            }
            String v = values[i].strip();
            if (v.isEmpty()) {
                return null;
            }
            Optional<String> unfit = ReportValidator.textProblem(v);
            if (unfit.isPresent()) {
                throw error(column, unfit.get());
            }
            return v;
        }

        BigDecimal count(String column) {
            String t = text(column);
            try {
                BigDecimal n = number(t);
                if (n != null && (n.signum() < 0 || n.stripTrailingZeros().scale() > 0)) {
                    throw error(column, "'" + clip(t) + "' is not a whole non-negative count");
                }
                return n;
            } catch (NumberFormatException e) {
                throw error(column, "'" + clip(t) + "' is not a number");
            }
        }

        String time(String column) {
            String t = text(column);
            Matcher m = t == null ? null : DATE_TIME.matcher(t);
            if (m == null || !m.matches()) {
                throw error(column, t == null ? "is empty" : "'" + clip(t) + "' is not a date or date-time (YYYY-MM-DD[ HH:MM])");
            }
            if (m.group(2) == null) {
                return m.group(1);
            }
            return "%sT%02d:%s".formatted(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        }

        InvalidException error(String column, String message) {
            return new InvalidException("row " + row + "." + column, "row " + row + ", column " + column + ": " + message);
        }
    }
}
