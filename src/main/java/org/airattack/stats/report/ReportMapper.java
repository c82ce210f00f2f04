package org.airattack.stats.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.SourceInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Converts between the stored entities and the domain records the read model and API use. */
@ApplicationScoped
public class ReportMapper {

    /** The countries of a line that names none: one shared empty map, not one per line. */
    static final SortedMap<String, Integer> NO_COUNTRIES = Collections.emptySortedMap();

    private final Catalog catalog;
    private final ObjectMapper json;
    // Built from classes rather than TypeReference subclasses: no generic signature to read
    // reflectively, in the JVM or the native image.
    private final JavaType countryCounts;
    private final JavaType strings;
    /** The values the read model holds, shared by every load and write ({@link SharedValues}). */
    private final SharedValues held = new SharedValues();

    public ReportMapper(Catalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
        this.countryCounts = json.getTypeFactory().constructMapType(TreeMap.class, String.class, Integer.class);
        this.strings = json.getTypeFactory().constructCollectionType(List.class, String.class);
    }

    /**
     * The one set of equal values every record of a report is made with, by loads, writes and single
     * reads alike: a report read alone is one the read model holds too.
     */
    SharedValues held() {
        return held;
    }

    /** A new revision entity holding the draft's content, written by {@code origin}. */
    public ReportRevision toRevision(Report report, int number, ReportDraft draft, Origin origin, Instant now) {
        ReportRevision rev = new ReportRevision();
        rev.report = report;
        rev.revision = number;
        rev.windowStart = draft.window().start().instant();
        rev.windowStartDateOnly = draft.window().start().dateOnly();
        rev.windowEnd = draft.window().end().instant();
        rev.windowEndDateOnly = draft.window().end().dateOnly();
        rev.period = draft.window().period().slug();
        rev.date = draft.window().date();
        rev.target = draft.target();
        rev.url = draft.url();
        rev.publishedAt = draft.publishedAt();
        rev.contentHash = draft.contentHash();
        rev.additionalWave = draft.additionalWave();
        rev.warnings = draft.warnings().isEmpty() ? null : write(draft.warnings().stream().map(ReportWarning::message).toList());
        rev.recordedAt = now;
        rev.origin = origin.slug();
        int position = 0;
        for (Line l : draft.lines()) {
            ReportLine line = new ReportLine();
            line.revision = rev;
            line.position = position++;
            line.weapon = l.weapon().key();
            line.weaponSpelling = l.spelling();
            line.launchPlace = l.launchPlace();
            line.launched = l.launched();
            line.shotDown = l.shotDown();
            line.suppressed = l.suppressed();
            line.neutralised = l.neutralised();
            line.stillAirborne = l.stillAirborne();
            line.hitLocations = l.hitLocations();
            line.debrisLocations = l.debrisLocations();
            line.leftAirspace = l.leftAirspace().isEmpty() ? null : write(l.leftAirspace());
            line.shaheds = l.shaheds();
            line.withheld = l.withheld();
            rev.lines.add(line);
        }
        return rev;
    }

    /** The domain view of a report and its revisions (oldest first), its values {@link #held() shared}. */
    public StoredReport toStored(Report report, List<ReportRevision> revisions) {
        SourceInfo source = source(report);
        List<Revision> views = new ArrayList<>(revisions.size());
        for (ReportRevision rev : revisions) {
            views.add(toRevision(rev, source));
        }
        return new StoredReport(report.id, source, report.externalId, Report.ACTIVE.equals(report.status), report.lastChange,
                report.createdAt, report.retractedAt, List.copyOf(views));
    }

    /** A stored revision (with its report and lines) as the same-night rule compares it. */
    public SameNightRule.Filed toFiled(ReportRevision rev) {
        Report report = rev.report;
        return new SameNightRule.Filed(report.id, new ReportKey(report.source, report.externalId), toRevision(rev, source(report)));
    }

    private SourceInfo source(Report report) {
        return catalog.source(report.source)
                .orElseThrow(() -> new IllegalStateException("report " + report.id + " names unknown source " + report.source));
    }

    /** The domain view of a stored revision (with its lines) of a report of this source, its values {@link #held() shared}. */
    Revision toRevision(ReportRevision rev, SourceInfo source) {
        ReportWindow window = window(rev.windowStart, rev.windowStartDateOnly, rev.windowEnd, rev.windowEndDateOnly, source);
        List<Line> lines = new ArrayList<>(rev.lines.size());
        for (ReportLine l : rev.lines) {
            lines.add(new Line(held.of(catalog.byStoredKey(l.weapon)), held.of(l.weaponSpelling), held.of(l.launchPlace),
                    l.launched, l.shotDown, l.suppressed, l.neutralised, l.stillAirborne, l.hitLocations, l.debrisLocations,
                    leftAirspace(l.leftAirspace), l.shaheds, l.withheld));
        }
        List<String> warnings = warnings(rev.warnings);
        return new Revision(rev.revision, window, Period.fromSlug(rev.period).orElseThrow(), held.of(rev.date), held.of(rev.target),
                held.of(rev.url), held.of(rev.publishedAt), held.of(rev.recordedAt), List.copyOf(lines), warnings, rev.additionalWave,
                rev.origin == null ? null : Origin.fromSlug(rev.origin).orElse(null), held.of(rev.retractedBefore));
    }

    /** A stored window of a report of this source, its points and itself shared. */
    ReportWindow window(Instant start, boolean startDateOnly, Instant end, boolean endDateOnly, SourceInfo source) {
        return held.of(new ReportWindow(held.of(WindowPoint.stored(start, startDateOnly, source.zone(), false)),
                held.of(WindowPoint.stored(end, endDateOnly, source.zone(), true))));
    }

    /** A stored line's countries the weapon flew on into (its JSON object or null), unmodifiable and shared. */
    SortedMap<String, Integer> leftAirspace(String stored) {
        return stored == null ? NO_COUNTRIES : held.of(Collections.unmodifiableSortedMap(read(stored, countryCounts)));
    }

    /** A stored revision's warnings (its JSON array or null), unmodifiable, the list and each warning shared. */
    List<String> warnings(String stored) {
        return stored == null ? List.of() : held.of(this.<List<String>>read(stored, strings).stream().map(held::of).toList());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }

    private <T> T read(String text, JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode stored value " + text, e);
        }
    }
}
