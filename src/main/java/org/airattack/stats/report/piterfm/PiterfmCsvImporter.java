package org.airattack.stats.report.piterfm;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.problem.ConflictException;
import org.airattack.stats.problem.FieldError;
import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.problem.ProblemType;
import org.airattack.stats.report.Origin;
import org.airattack.stats.report.ReportDraft;
import org.airattack.stats.report.ReportKey;
import org.airattack.stats.report.ReportMapper;
import org.airattack.stats.report.ReportRepository;
import org.airattack.stats.report.ReportRequest;
import org.airattack.stats.report.ReportService.Outcome;
import org.airattack.stats.report.ReportService;
import org.airattack.stats.report.ReportValidator.UnknownWeapons;
import org.airattack.stats.report.ReportValidator;
import org.airattack.stats.report.ReportWarning;
import org.airattack.stats.report.SameNightRule;
import org.airattack.stats.report.StoredReports;
import org.airattack.stats.report.WindowPoint;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports the public dataset: rows with the same post, window and target form one report, whose
 * external id derives from that key, so re-importing an edition changes nothing and a newer
 * edition revises only the reports whose lines changed. All or nothing per request.
 */
@ApplicationScoped
public class PiterfmCsvImporter {

    /** Every report the import writes has an external id starting with this. */
    public static final String EXTERNAL_ID_PREFIX = "piterfm:";

    /** From the night to this date the dataset's {@code destroyed} is shot down + suppressed combined. */
    public static final LocalDate COMBINED_FIGURE_FROM = LocalDate.of(2025, 7, 24);

    /** The source the dataset's posts of unknown accounts are filed under. */
    static final String OTHER_SOURCE = "ua-other";

    /** What to do with stored dataset reports that a file no longer has. */
    public enum OnMissing {
        /** Refuse the whole file (the default: a file that would shrink history is a mistake until said otherwise). */
        REFUSE,
        /** Import the file and leave them as they are. */
        KEEP,
        /** Import the file and retract them. */
        RETRACT
    }

    private final Catalog catalog;
    private final ReportValidator validator;
    private final ReportService service;
    private final ReportRepository repository;
    private final ReportMapper mapper;
    private final StoredReports stored;

    public PiterfmCsvImporter(Catalog catalog, ReportValidator validator, ReportService service, ReportRepository repository,
            ReportMapper mapper, StoredReports stored) {
        this.catalog = catalog;
        this.validator = validator;
        this.service = service;
        this.repository = repository;
        this.mapper = mapper;
        this.stored = stored;
    }

    /** One report of the file while it is assembled: its rows in file order. */
    private record Group(String key, List<PiterfmRow> rows) {
    }

    public ImportResult importCsv(InputStream body, OnMissing onMissing) {
        long started = System.nanoTime();
        List<ImportResult.Warning> warnings = new ArrayList<>();
        List<PiterfmRow> rows = PiterfmCsvReader.read(body, warnings::add);

        Map<String, Group> groups = new LinkedHashMap<>();
        for (PiterfmRow r : rows) {
            String key = r.post() + '|' + r.start() + '|' + r.end() + '|' + (r.target() == null ? "" : r.target());
            groups.computeIfAbsent(key, k -> new Group(k, new ArrayList<>())).rows().add(r);
        }

        List<ReportDraft> drafts = new ArrayList<>(groups.size());
        List<Group> drafted = new ArrayList<>(groups.size());
        Set<ReportKey> present = new HashSet<>();
        int skippedRows = 0;
        int skippedReports = 0;
        for (Group g : groups.values()) {
            SourceInfo source = source(g.rows().get(0).post());
            String externalId = EXTERNAL_ID_PREFIX + g.key();
            present.add(new ReportKey(source.slug(), externalId));
            try {
                ReportDraft draft = validator.validate(request(source, externalId, g), UnknownWeapons.KEEP, null,
                        i -> "row " + g.rows().get(i).row());
                for (ReportWarning w : draft.warnings()) {
                    warnings.add(new ImportResult.Warning(w.line() == null ? null : g.rows().get(w.line()).row(), w.message()));
                }
                drafts.add(draft);
                drafted.add(g);
            } catch (InvalidException e) {
                skippedRows += g.rows().size();
                skippedReports++;
                int first = g.rows().get(0).row();
                for (FieldError error : e.errors()) {
                    warnings.add(new ImportResult.Warning(first, "skipped " + rowsLabel(g) + ": " + error.field() + " " + error.message()));
                }
            }
        }
        Log.infof("dataset import: %d rows read, %d reports to store, %d rows skipped", rows.size(), drafts.size(), skippedRows);

        List<Long> superseded = sameNight(drafts, drafted, warnings);
        List<Long> retract = new ArrayList<>(missing(present, onMissing));
        retract.addAll(superseded);
        ReportService.BatchResult result = service.storeAll(drafts, retract, EXTERNAL_ID_PREFIX, Origin.DATASET);

        int[] rowCounts = new int[Outcome.values().length];
        int[] reportCounts = new int[Outcome.values().length];
        for (int i = 0; i < drafts.size(); i++) {
            Outcome o = result.outcomes().get(i);
            rowCounts[o.ordinal()] += drafted.get(i).rows().size();
            reportCounts[o.ordinal()]++;
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        Log.infof("dataset import done in %d ms: %d reports created, %d revised, %d unchanged, %d retracted, %d rows skipped",
                elapsed, reportCounts[Outcome.CREATED.ordinal()], reportCounts[Outcome.REVISED.ordinal()],
                reportCounts[Outcome.UNCHANGED.ordinal()], result.retracted(), skippedRows);
        return new ImportResult(rows.size(), rowCounts[Outcome.CREATED.ordinal()], rowCounts[Outcome.REVISED.ordinal()],
                rowCounts[Outcome.UNCHANGED.ordinal()], skippedRows,
                new ImportResult.Reports(reportCounts[Outcome.CREATED.ordinal()], reportCounts[Outcome.REVISED.ordinal()],
                        reportCounts[Outcome.UNCHANGED.ordinal()], skippedReports, result.retracted() - superseded.size(),
                        superseded.size()),
                List.copyOf(warnings), elapsed, result.version());
    }

    /**
     * One night, one report ({@link SameNightRule}): reports that came another way (the JSON API, an Air
     * Force post read the same morning) that a report in the file repeats are replaced by the
     * dataset's version, or the night would count twice — retracted, their history kept, with a
     * warning. A file report that only overlaps another report of its night (another file report, or
     * one that came another way) is stored with a warning: both count.
     *
     * @param drafts  the file's reports; those that overlap others are replaced by themselves with the warning
     * @param drafted the rows of each draft, for the warnings' row numbers
     * @return the ids of the reports the file's version replaces
     */
    private List<Long> sameNight(List<ReportDraft> drafts, List<Group> drafted, List<ImportResult.Warning> warnings) {
        // from memory when this replica holds the store as it is now: the database's answer scans every report
        List<SameNightRule.Filed> filed = QuarkusTransaction.requiringNew().call(() -> stored
                .activeOutside(EXTERNAL_ID_PREFIX, repository.currentVersion())
                .map(reports -> reports.stream().map(SameNightRule.Filed::of).toList())
                .orElseGet(() -> repository.activeOutside(EXTERNAL_ID_PREFIX).stream().map(mapper::toFiled).toList()));
        Map<String, List<Integer>> byNight = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            ReportDraft d = drafts.get(i);
            byNight.computeIfAbsent(d.source().slug() + '|' + d.window().date() + '|' + d.window().period(), k -> new ArrayList<>())
                    .add(i);
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ReportDraft d = drafts.get(i);
            int row = drafted.get(i).rows().get(0).row();
            SameNightRule.Verdict verdict = SameNightRule.judge(d, filed);
            for (SameNightRule.Filed r : verdict.repeats()) {
                if (!ids.contains(r.id())) {
                    ids.add(r.id());
                    warnings.add(new ImportResult.Warning(row, "report " + r.id() + " (" + r.key().externalId() + ") repeats the "
                            + "dataset's report of " + d.window().start().local() + " to " + d.window().end().local()
                            + "; the dataset's version replaces it (retracted, history kept)"));
                }
            }
            List<ReportWarning> overlaps = new ArrayList<>();
            verdict.overlaps().forEach(r -> overlaps.add(SameNightRule.overlapWarning(r)));
            for (int j : byNight.get(d.source().slug() + '|' + d.window().date() + '|' + d.window().period())) {
                if (j != i && SameNightRule.overlap(d.window(), drafts.get(j).window())) {
                    overlaps.add(ReportWarning.ofReport("the window overlaps the dataset's report of rows from "
                            + drafted.get(j).rows().get(0).row() + " (" + drafts.get(j).window().start().local() + " to "
                            + drafts.get(j).window().end().local() + ") of the same night; both are counted"));
                }
            }
            overlaps.forEach(w -> warnings.add(new ImportResult.Warning(row, "row " + row + ": " + w.message())));
            drafts.set(i, d.withWarnings(overlaps));
        }
        return ids;
    }

    /** Stored, active dataset reports this file does not have: refused, kept or retracted as asked. */
    private List<Long> missing(Set<ReportKey> present, OnMissing onMissing) {
        if (onMissing == OnMissing.KEEP) {
            return List.of();
        }
        Map<ReportKey, ReportRepository.Current> stored = QuarkusTransaction.requiringNew()
                .call(() -> repository.currentByPrefix(EXTERNAL_ID_PREFIX));
        List<Long> ids = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        stored.forEach((key, current) -> {
            if (current.active() && !present.contains(key)) {
                ids.add(current.id());
                if (examples.size() < 3) {
                    examples.add(key.externalId().substring(EXTERNAL_ID_PREFIX.length()));
                }
            }
        });
        if (!ids.isEmpty() && onMissing == OnMissing.REFUSE) {
            throw new ConflictException(ProblemType.IMPORT_WOULD_SHRINK_HISTORY,
                    "the file lacks " + ids.size() + " report(s) imported earlier (e.g. " + String.join("; ", examples)
                            + "); nothing was stored. Send onMissing=keep to import it and keep them, or onMissing=retract "
                            + "to import it and retract them",
                    List.of(new FieldError("onMissing", "needed: keep or retract (" + ids.size() + " reports missing)")));
        }
        return ids;
    }

    /** The catalog source of a dataset post: its account name ("kpszsu/posts/…", "https://t.me/kpszsu/1"), else ua-other. */
    SourceInfo source(String post) {
        String account = post;
        String lower = post.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String rest = post.substring(post.indexOf("//") + 2);
            int slash = rest.indexOf('/');
            String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
            boolean social = host.equals("t.me") || host.endsWith("facebook.com");
            account = social && slash >= 0 ? rest.substring(slash + 1) : "";
        }
        int slash = account.indexOf('/');
        String name = slash < 0 ? account : account.substring(0, slash);
        return catalog.sourceByDatasetName(name).or(() -> catalog.source(OTHER_SOURCE))
                .orElseThrow(() -> new IllegalStateException("the catalog lacks the source " + OTHER_SOURCE));
    }

    private static String url(String post) {
        String lower = post.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return post;
        }
        return "https://www.facebook.com/" + post;
    }

    private ReportRequest request(SourceInfo source, String externalId, Group g) {
        PiterfmRow first = g.rows().get(0);
        Optional<WindowPoint> end = WindowPoint.parse(first.end(), source.zone(), true);
        boolean combined = end.isPresent() && !end.get().date().isBefore(COMBINED_FIGURE_FROM);
        List<ReportRequest.LineRequest> lines = new ArrayList<>(g.rows().size());
        for (PiterfmRow r : g.rows()) {
            lines.add(line(r, combined));
        }
        return new ReportRequest(source.slug(), externalId, first.target(), first.start(), first.end(), url(first.post()), null,
                lines);
    }

    /**
     * One line: neutralised = destroyed + not_reach_goal throughout; before the night to 24 July
     * 2025 destroyed is shot down and not_reach_goal suppressed, from it on the split is unknown.
     * A hidden row's counts are placeholders: withheld, unknown.
     */
    private static ReportRequest.LineRequest line(PiterfmRow r, boolean combined) {
        Map<String, BigDecimal> left = r.leftAirspace().isEmpty() ? null : r.leftAirspace();
        if (r.hidden()) {
            return new ReportRequest.LineRequest(r.model(), r.launchPlace(), null, null, null, null, null, r.hitLocations(),
                    r.debrisLocations(), left, null, true);
        }
        BigDecimal shotDown = combined ? null : r.destroyed();
        BigDecimal suppressed = combined ? null : r.notReachGoal();
        BigDecimal neutralised = null;
        if (combined && (r.destroyed() != null || r.notReachGoal() != null)) {
            neutralised = (r.destroyed() == null ? BigDecimal.ZERO : r.destroyed())
                    .add(r.notReachGoal() == null ? BigDecimal.ZERO : r.notReachGoal());
        }
        return new ReportRequest.LineRequest(r.model(), r.launchPlace(), r.launched(), shotDown, suppressed, neutralised,
                r.stillAttacking(), r.hitLocations(), r.debrisLocations(), left, r.shaheds(), false);
    }

    private static String rowsLabel(Group g) {
        int first = g.rows().get(0).row();
        int last = g.rows().get(g.rows().size() - 1).row();
        return g.rows().size() == 1 ? "row " + first : "rows " + first + "–" + last + " (" + g.rows().size() + " rows)";
    }
}
