package org.airattack.stats.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.WeaponRef;
import org.airattack.stats.readmodel.PeriodFilter;
import org.airattack.stats.readmodel.AsOf;
import org.airattack.stats.readmodel.Snapshot;
import org.airattack.stats.report.Line;
import org.airattack.stats.report.Period;
import org.airattack.stats.report.Revision;
import org.airattack.stats.report.StoredReport;

/** One date of a source in detail (SPEC §3.1): totals, categories, weapons, the contributing reports, flags, warnings. */
@ApplicationScoped
public class NightService {

    private final AsOf views;

    public NightService(AsOf views) {
        this.views = views;
    }

    /** A date's detail, or empty when no report counts on it. */
    public Optional<NightResponse> night(SourceInfo source, PeriodFilter period, LocalDate date) {
        return night(source, period, date, null);
    }

    /** A date's detail as it stood at {@code asOf} (null: now), or empty when no report counted on it then. */
    public Optional<NightResponse> night(SourceInfo source, PeriodFilter period, LocalDate date, Instant asOf) {
        return night(views.at(asOf), source, period, date, asOf);
    }

    /** A date's detail in this snapshot (an older or newer one than the read model's), or empty when no report counts on it. */
    public Optional<NightResponse> night(Snapshot s, SourceInfo source, PeriodFilter period, LocalDate date) {
        return night(s, source, period, date, null);
    }

    private Optional<NightResponse> night(Snapshot s, SourceInfo source, PeriodFilter period, LocalDate date, Instant asOf) {
        List<StoredReport> reports = s.dated(source.slug(), period).get(date);
        if (reports == null) {
            return Optional.empty();
        }
        Tally totals = new Tally();
        Map<Category, Tally> categories = new EnumMap<>(Category.class);
        Map<String, Tally> weapons = new TreeMap<>();
        Map<String, WeaponRef> refs = new HashMap<>();
        List<NightResponse.ReportRef> refsOut = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean span = false;
        for (StoredReport r : reports) {
            Revision rev = r.latest();
            span |= rev.period() == Period.SPAN;
            refsOut.add(new NightResponse.ReportRef(r.id(), rev.revision(), rev.period().slug(), rev.window().start().iso(),
                    rev.window().end().iso(), rev.url(),
                    rev.publishedAt() == null ? null : rev.publishedAt().atZone(source.zone()).toOffsetDateTime().toString()));
            for (String w : rev.warnings()) {
                warnings.add("report " + r.id() + ": " + w);
            }
            for (Line l : rev.lines()) {
                totals.add(l);
                categories.computeIfAbsent(l.weapon().category(), c -> new Tally()).add(l);
                weapons.computeIfAbsent(l.weapon().key(), k -> new Tally()).add(l);
                refs.putIfAbsent(l.weapon().key(), l.weapon());
            }
        }
        List<NightResponse.CategoryMeasures> cats = new ArrayList<>();
        categories.forEach((c, t) -> cats.add(new NightResponse.CategoryMeasures(c, Measures.of(t))));
        List<NightResponse.WeaponMeasures> weps = new ArrayList<>();
        weapons.forEach((k, t) -> {
            WeaponRef ref = refs.get(k);
            weps.add(new NightResponse.WeaponMeasures(k, ref.name(), ref.category(), Measures.of(t)));
        });
        return Optional.of(new NightResponse(source.slug(), period, date.toString(), Measures.of(totals), cats, weps, refsOut,
                new Flags(totals.incomplete(), totals.withheld(), span, Flags.overlap(reports)), warnings, s.version(), Attribution.of(source),
                asOf == null ? null : asOf.toString()));
    }

    /** The most recent date on which a report counts. */
    public Optional<LocalDate> latestDate(SourceInfo source, PeriodFilter period) {
        return latestDate(source, period, null);
    }

    private Optional<LocalDate> latestDate(SourceInfo source, PeriodFilter period, Instant asOf) {
        NavigableMap<LocalDate, List<StoredReport>> dated = views.at(asOf).dated(source.slug(), period);
        return dated.isEmpty() ? Optional.empty() : Optional.of(dated.lastKey());
    }

    /** The most recent date's detail. */
    public Optional<NightResponse> latest(SourceInfo source, PeriodFilter period) {
        return latest(source, period, null);
    }

    /** The most recent date's detail as it stood at {@code asOf} (null: now). */
    public Optional<NightResponse> latest(SourceInfo source, PeriodFilter period, Instant asOf) {
        return latestDate(source, period, asOf).flatMap(d -> night(source, period, d, asOf));
    }
}
