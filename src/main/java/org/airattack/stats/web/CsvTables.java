package org.airattack.stats.web;

import java.util.ArrayList;
import java.util.List;

import org.airattack.stats.series.Correction;
import org.airattack.stats.series.CorrectionsPage;
import org.airattack.stats.series.Flags;
import org.airattack.stats.series.GroupBy;
import org.airattack.stats.series.Measure;
import org.airattack.stats.series.Measures;
import org.airattack.stats.series.NightsResponse;
import org.airattack.stats.series.SeriesResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Series and nights as the wide CSV that Datawrapper and Flourish take: one row per date, one
 * column per series, blank cells for unknown. {@link SeriesCsvWriter} and {@link NightsCsvWriter} write them
 * for {@code Accept: text/csv} (or {@code ?format=csv}), with or without the read cache; the
 * corrections feed ({@link CorrectionsCsvWriter}) is a long table, one row per changed figure.
 */
public final class CsvTables {

    /** The media type of the tables. */
    public static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper CSV = new CsvMapper();
    private static final Measure[] NIGHT_COLUMNS = { Measure.LAUNCHED, Measure.SHOT_DOWN, Measure.SUPPRESSED,
            Measure.NEUTRALISED, Measure.STILL_AIRBORNE, Measure.HIT_LOCATIONS, Measure.DEBRIS_LOCATIONS,
            Measure.INTERCEPTION_RATE };
    private static final Measure[] CATEGORY_COLUMNS = { Measure.LAUNCHED, Measure.NEUTRALISED, Measure.INTERCEPTION_RATE };

    private CsvTables() {
    }

    /**
     * Columns: {@code date}; per (group, measure) its value ({@code launched}, or {@code drone launched}
     * when grouped), followed by {@code … partial} when some of its values are partial; then
     * {@code span} when a multi-night report counts somewhere, {@code truncated} for weeks, months and
     * years, and {@code attribution}. Flags are {@code true} or blank.
     */
    static byte[] series(SeriesResponse s) {
        List<String> header = new ArrayList<>();
        header.add("date");
        for (SeriesResponse.Series series : s.series()) {
            String name = GroupBy.TOTAL_GROUP.equals(series.group()) ? series.measure().apiName()
                    : series.group() + " " + series.measure().apiName();
            header.add(name);
            if (series.partial() != null) {
                header.add(name + " partial");
            }
        }
        boolean spans = s.spans().contains(Boolean.TRUE);
        if (spans) {
            header.add("span");
        }
        if (s.truncated() != null) {
            header.add("truncated");
        }
        header.add("attribution");
        List<List<String>> rows = new ArrayList<>(s.dates().size() + 1);
        rows.add(header);
        for (int i = 0; i < s.dates().size(); i++) {
            List<String> row = new ArrayList<>(header.size());
            row.add(s.dates().get(i));
            for (SeriesResponse.Series series : s.series()) {
                row.add(cell(series.values().get(i)));
                if (series.partial() != null) {
                    row.add(flag(series.partial().get(i)));
                }
            }
            if (spans) {
                row.add(flag(s.spans().get(i)));
            }
            if (s.truncated() != null) {
                row.add(flag(s.truncated().get(i)));
            }
            row.add(s.attribution());
            rows.add(row);
        }
        return write(rows);
    }

    /**
     * Columns: {@code date}, every total measure, launched, neutralised and rate per category present,
     * then the row's flags {@code partial}, {@code withheld}, {@code span}, {@code overlap} ({@code true}
     * or blank) and {@code attribution}.
     */
    static byte[] nights(NightsResponse n) {
        List<String> header = new ArrayList<>();
        header.add("date");
        for (Measure m : NIGHT_COLUMNS) {
            header.add(m.apiName());
        }
        for (String c : n.categories()) {
            for (Measure m : CATEGORY_COLUMNS) {
                header.add(c + " " + m.apiName());
            }
        }
        header.addAll(List.of("partial", "withheld", "span", "overlap", "attribution"));
        List<List<String>> rows = new ArrayList<>(n.nights().size() + 1);
        rows.add(header);
        for (NightsResponse.Row night : n.nights()) {
            List<String> row = new ArrayList<>(header.size());
            row.add(night.date());
            for (Measure m : NIGHT_COLUMNS) {
                row.add(cell(night.totals().get(m)));
            }
            for (String c : n.categories()) {
                Measures cm = night.categories().get(c);
                for (Measure m : CATEGORY_COLUMNS) {
                    row.add(cm == null ? "" : cell(cm.get(m)));
                }
            }
            Flags f = night.flags();
            row.addAll(List.of(flag(f.partial()), flag(f.withheld()), flag(f.span()), flag(f.overlap()), n.attribution()));
            rows.add(row);
        }
        return write(rows);
    }

    /** The columns of the corrections table, one row per changed figure. */
    static final List<String> CORRECTION_COLUMNS = List.of("id", "changedAt", "reason", "source", "period", "date", "reportId",
            "externalId", "revision", "group", "measure", "before", "after", "url", "attribution");

    /**
     * Columns {@link #CORRECTION_COLUMNS}: per correction (newest first) one row per figure it changed;
     * {@code before}/{@code after} blank for unknown.
     */
    static byte[] corrections(CorrectionsPage page) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(CORRECTION_COLUMNS);
        for (Correction c : page.corrections()) {
            for (Correction.Change change : c.changes()) {
                rows.add(List.of(c.id(), c.changedAt(), c.reason().slug(), c.source(), c.period().slug(), c.date(),
                        String.valueOf(c.reportId()), c.externalId(), String.valueOf(c.revision()), change.group(),
                        change.measure().apiName(), cell(change.before()), cell(change.after()), cell(c.url()), page.attribution()));
            }
        }
        return write(rows);
    }

    private static String flag(Boolean set) {
        return Boolean.TRUE.equals(set) ? "true" : "";
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        return v.toString();
    }

    private static byte[] write(List<List<String>> rows) {
        try {
            return CSV.writer(CsvSchema.emptySchema().withLineSeparator("\n")).writeValueAsBytes(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }
}

