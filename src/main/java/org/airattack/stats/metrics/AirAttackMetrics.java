package org.airattack.stats.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.problem.ProblemType;
import org.airattack.stats.readmodel.PeriodFilter;
import org.airattack.stats.readmodel.ReadModel;
import org.airattack.stats.readmodel.Snapshot;
import org.airattack.stats.catalog.SourceKind;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.report.ReportAccepted;
import org.airattack.stats.report.Line;
import org.airattack.stats.report.StoredReport;
import org.airattack.stats.series.Measure;
import org.airattack.stats.series.Tally;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Every Micrometer meter of the service (SPEC §4).
 * <p>
 * The figures of the reports are gauges computed from the in-memory read model, never from the
 * database: each new read-model snapshot (a CDI event) recomputes them, updates the values of the
 * gauges that stay, registers the label sets that appear (a new weapon on the latest night) and
 * removes the ones that are gone (a retracted report, a category no longer reported). A count no
 * report states has no gauge at all: unknown is no sample, never 0. The ingest counters count
 * accepted writes per source after their transaction commits, and refused write requests per
 * reason; both start at 0 for every source and reason so {@code rate()} sees them from the start.
 * For alerting, {@code airattack_night_overdue} says per national source whether its night is late
 * (computed at each scrape from the read model and the clock), and {@code airattack_build_info} names
 * the version and commit a replica runs. The channel follower's meters are {@link ChannelMetrics}, the
 * push's {@link PushMetrics}.
 */
@ApplicationScoped
public class AirAttackMetrics {

    public static final String NIGHT_LAUNCHED = "airattack.night.launched";
    public static final String NIGHT_SHOT_DOWN = "airattack.night.shot.down";
    public static final String NIGHT_SUPPRESSED = "airattack.night.suppressed";
    public static final String NIGHT_NEUTRALISED = "airattack.night.neutralised";
    /** With base unit seconds: {@code airattack_night_timestamp_seconds}. */
    public static final String NIGHT_TIMESTAMP = "airattack.night.timestamp";
    public static final String WINDOW_LAUNCHED = "airattack.window.launched";
    public static final String WINDOW_NEUTRALISED = "airattack.window.neutralised";
    public static final String CUMULATIVE_LAUNCHED = "airattack.cumulative.launched";
    public static final String CUMULATIVE_SHOT_DOWN = "airattack.cumulative.shot.down";
    public static final String CUMULATIVE_SUPPRESSED = "airattack.cumulative.suppressed";
    public static final String CUMULATIVE_NEUTRALISED = "airattack.cumulative.neutralised";
    /** A counter: {@code airattack_reports_accepted_total}. */
    public static final String REPORTS_ACCEPTED = "airattack.reports.accepted";
    /** A counter: {@code airattack_reports_rejected_total}. */
    public static final String REPORTS_REJECTED = "airattack.reports.rejected";
    public static final String READ_MODEL_VERSION = "airattack.read.model.version";
    /** With base unit seconds: {@code airattack_read_model_age_seconds}. */
    public static final String READ_MODEL_AGE = "airattack.read.model.age";
    /** 1 or 0 per national source: {@code airattack_night_overdue}. */
    public static final String NIGHT_OVERDUE = "airattack.night.overdue";
    /** Always 1, labelled with version and commit: {@code airattack_build_info}. */
    public static final String BUILD_INFO = "airattack.build.info";

    /** The commit of a build made outside a git checkout (git.properties without a commit). */
    static final String UNKNOWN_COMMIT = "unknown";

    static final String SECONDS = "seconds";
    static final String NIGHT_TIMESTAMP_HELP = "End of the latest window of the source's latest dated night, as a Unix time";

    /** The windows of the {@code airattack_window_*} gauges: the last N dated nights up to the latest one. */
    static final Map<String, Integer> WINDOWS = Map.of("7d", 7, "30d", 30, "365d", 365);

    private static final Map<String, String> HELP = Map.of(
            WINDOW_LAUNCHED, "Weapons launched over the source's last N dated nights up to its latest one, by category",
            WINDOW_NEUTRALISED, "Weapons neutralised over the source's last N dated nights up to its latest one, by category",
            CUMULATIVE_LAUNCHED, "Weapons launched over all dated nights of the source, by category",
            CUMULATIVE_SHOT_DOWN, "Weapons shot down over all dated nights of the source, by category; stops growing at the "
                    + "night to 24 July 2025, from which the Air Force gives one combined figure (use neutralised)",
            CUMULATIVE_SUPPRESSED, "Weapons suppressed over all dated nights of the source, by category; stops growing at the "
                    + "night to 24 July 2025, from which the Air Force gives one combined figure (use neutralised)",
            CUMULATIVE_NEUTRALISED, "Weapons neutralised over all dated nights of the source, by category");

    private static final Map<String, Measure> CUMULATIVE = Map.of(CUMULATIVE_LAUNCHED, Measure.LAUNCHED,
            CUMULATIVE_SHOT_DOWN, Measure.SHOT_DOWN, CUMULATIVE_SUPPRESSED, Measure.SUPPRESSED,
            CUMULATIVE_NEUTRALISED, Measure.NEUTRALISED);

    private final MeterRegistry registry;
    private final ReadModel readModel;
    private final Catalog catalog;
    private final Clock clock;
    private final LocalTime nightDue;
    private final String version;

    /** The gauges that follow the read model, by name and labels. */
    private final Map<GaugeKey, Held> gauges = new HashMap<>();
    private Snapshot shown;
    /** Per source, what its gauges show and what that was worked out from. */
    private Map<String, SourceFigures> shownBySource = Map.of();

    /**
     * One source's gauge values, from these dated reports (a snapshot keeps the very map of a source
     * that a write left alone, and the lists of its dates that the write left alone).
     */
    private record SourceFigures(NavigableMap<LocalDate, List<StoredReport>> dated, Map<GaugeKey, Long> values) {
    }

    /** A gauge's identity: its name and its labels. */
    private record GaugeKey(String name, Tags tags) {
    }

    /** A registered gauge and the value it reports. */
    private record Held(Gauge gauge, AtomicLong value) {
    }

    public AirAttackMetrics(MeterRegistry registry, ReadModel readModel, Catalog catalog, Clock clock, AirAttackConfig config,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.registry = registry;
        this.readModel = readModel;
        this.catalog = catalog;
        this.clock = clock;
        this.nightDue = config.alerts().nightDue();
        this.version = version;
    }

    /** Runs after the catalog and the read model have loaded, so the freshness gauges never show a model not yet loaded. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 20) StartupEvent event) {
        Gauge.builder(READ_MODEL_VERSION, readModel, rm -> rm.snapshot().version())
                .description("Data version (the number of committed writes) the in-memory read model of this replica holds")
                .strongReference(true)
                .register(registry);
        Gauge.builder(READ_MODEL_AGE, readModel, AirAttackMetrics::ageSeconds)
                .description("Seconds since this replica last confirmed that its read model is in step with the database")
                .baseUnit(SECONDS)
                .strongReference(true)
                .register(registry);
        for (String reason : ProblemType.METRIC_REASONS) {
            rejectedCounter(reason);
        }
        for (SourceInfo source : catalog.sources()) {
            acceptedCounter(source.slug());
            if (source.kind() == SourceKind.NATIONAL) {
                Gauge.builder(NIGHT_OVERDUE, source, this::nightOverdue)
                        .description("1 when it is past airattack.alerts.night-due in the source's zone and the source has "
                                + "no night or span dated today there, else 0")
                        .tag("source", source.slug())
                        .strongReference(true)
                        .register(registry);
            }
        }
        Gauge.builder(BUILD_INFO, () -> 1)
                .description("The build this replica runs: its version and git commit (always 1)")
                .tags("version", version, "commit", commit())
                .strongReference(true)
                .register(registry);
        synchronized (this) {
            show(readModel.snapshot());
        }
    }

    /** A new read-model snapshot: the gauges follow it. Never fails the write that produced it. */
    void onSnapshot(@Observes Snapshot snapshot) {
        try {
            synchronized (this) {
                show(snapshot);
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "the gauges could not follow data version %d; they show the previous one", snapshot.version());
        }
    }

    /** Counts an accepted write once its transaction has committed, whoever wrote it (API or import). */
    void onAccepted(@Observes ReportAccepted accepted) {
        acceptedCounter(accepted.source()).increment();
    }

    /** Counts a write request refused with this problem, under its reason. */
    public void rejected(ProblemType problem) {
        rejectedCounter(problem.metricReason()).increment();
    }

    private Counter acceptedCounter(String source) {
        return Counter.builder(REPORTS_ACCEPTED)
                .description("Report writes accepted (stored as new, as a new revision, or found unchanged), by source")
                .tag("source", source)
                .register(registry);
    }

    private Counter rejectedCounter(String reason) {
        return Counter.builder(REPORTS_REJECTED)
                .description("Write requests refused with an error, by the reason their problem document names")
                .tag("reason", reason)
                .register(registry);
    }

    /** Read at each scrape: the source's local time now, and whether the read model holds a night dated today. */
    private double nightOverdue(SourceInfo source) {
        ZonedDateTime now = clock.instant().atZone(source.zone());
        if (now.toLocalTime().isBefore(nightDue)) {
            return 0;
        }
        LocalDate today = now.toLocalDate();
        return NightFigures.nights(readModel.snapshot(), source.slug(), today, today).isEmpty() ? 1 : 0;
    }

    /** The commit the build wrote into git.properties (pom.xml, maven-antrun-plugin: git rev-parse HEAD). */
    static String commit() {
        try (InputStream in = AirAttackMetrics.class.getClassLoader().getResourceAsStream("git.properties")) {
            if (in == null) {
                return UNKNOWN_COMMIT;
            }
            Properties git = new Properties();
            git.load(in);
            return git.getProperty("git.commit.id", UNKNOWN_COMMIT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read git.properties", e);
        }
    }

    private static double ageSeconds(ReadModel rm) {
        return Duration.between(rm.lastCheck(), Instant.now()).toMillis() / 1000.0;
    }

    private void show(Snapshot snapshot) {
        if (snapshot == shown) {
            return;
        }
        Map<GaugeKey, Long> values = new HashMap<>();
        Map<String, SourceFigures> bySource = new HashMap<>();
        for (SourceInfo source : catalog.sources()) {
            NavigableMap<LocalDate, List<StoredReport>> dated = snapshot.dated(source.slug(), PeriodFilter.NIGHT);
            SourceFigures before = shownBySource.get(source.slug());
            SourceFigures now = before;
            if (before == null || before.dated() != dated) {
                Map<GaugeKey, Long> figures = new HashMap<>();
                figures(dated, source.slug(), figures);
                now = new SourceFigures(dated, figures);
            }
            bySource.put(source.slug(), now);
            values.putAll(now.values());
        }
        shownBySource = bySource;
        for (Map.Entry<GaugeKey, Long> e : values.entrySet()) {
            Held held = gauges.get(e.getKey());
            if (held == null) {
                gauges.put(e.getKey(), register(e.getKey(), e.getValue()));
            } else {
                held.value().set(e.getValue());
            }
        }
        for (Iterator<Map.Entry<GaugeKey, Held>> it = gauges.entrySet().iterator(); it.hasNext();) {
            Map.Entry<GaugeKey, Held> e = it.next();
            if (!values.containsKey(e.getKey())) {
                registry.remove(e.getValue().gauge());
                it.remove();
            }
        }
        shown = snapshot;
    }

    private Held register(GaugeKey key, long initial) {
        AtomicLong value = new AtomicLong(initial);
        Gauge.Builder<AtomicLong> builder = Gauge.builder(key.name(), value, AtomicLong::doubleValue)
                .tags(key.tags())
                .strongReference(true);
        if (key.name().equals(NIGHT_TIMESTAMP)) {
            builder.description(NIGHT_TIMESTAMP_HELP).baseUnit(SECONDS);
        } else {
            builder.description(help(key.name()));
        }
        return new Held(builder.register(registry), value);
    }

    private static String help(String name) {
        for (NightFigure f : NightFigure.values()) {
            if (f.meterName.equals(name)) {
                return f.help;
            }
        }
        return HELP.get(name);
    }

    /**
     * The source's gauge values; a count no report of it states is left out. One pass over the
     * source's lines, nothing kept: at a hundred times today's history, keeping every night's
     * figures between writes held a quarter of the heap (docs/performance.md#scale), and summing the
     * written source again costs a few milliseconds.
     */
    private static void figures(NavigableMap<LocalDate, List<StoredReport>> dated, String source, Map<GaugeKey, Long> out) {
        if (dated.isEmpty()) {
            return;
        }
        Map.Entry<LocalDate, List<StoredReport>> last = dated.lastEntry();
        NightFigures.Night latest = NightFigures.night(last.getKey(), last.getValue());
        for (NightFigures.WeaponFigures w : latest.weapons()) {
            Tags tags = Tags.of("source", source, "category", w.category().slug(), "weapon", w.weapon());
            for (NightFigure f : NightFigure.values()) {
                put(out, f.meterName, tags, w.tally().value(f.measure));
            }
        }
        out.put(new GaugeKey(NIGHT_TIMESTAMP, Tags.of("source", source)), latest.end().getEpochSecond());

        for (Map.Entry<String, Integer> window : WINDOWS.entrySet()) {
            LocalDate first = latest.date().minusDays(window.getValue() - 1L);
            byCategory(dated.tailMap(first, true)).forEach((category, tally) -> {
                Tags tags = Tags.of("source", source, "category", category.slug(), "window", window.getKey());
                put(out, WINDOW_LAUNCHED, tags, tally.value(Measure.LAUNCHED));
                put(out, WINDOW_NEUTRALISED, tags, tally.value(Measure.NEUTRALISED));
            });
        }
        byCategory(dated).forEach((category, tally) -> {
            Tags tags = Tags.of("source", source, "category", category.slug());
            CUMULATIVE.forEach((name, measure) -> put(out, name, tags, tally.value(measure)));
        });
    }

    /** The lines of these dated reports summed by category. */
    private static Map<Category, Tally> byCategory(NavigableMap<LocalDate, List<StoredReport>> dated) {
        Map<Category, Tally> sums = new EnumMap<>(Category.class);
        for (List<StoredReport> reports : dated.values()) {
            for (StoredReport r : reports) {
                for (Line l : r.latest().lines()) {
                    sums.computeIfAbsent(l.weapon().category(), c -> new Tally()).add(l);
                }
            }
        }
        return sums;
    }

    private static void put(Map<GaugeKey, Long> out, String name, Tags tags, Long value) {
        if (value != null) {
            out.put(new GaugeKey(name, tags), value);
        }
    }
}
