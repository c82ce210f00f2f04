package org.airattack.stats.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.common.Sha256;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.readmodel.PeriodFilter;
import org.airattack.stats.readmodel.ReadModel;
import org.airattack.stats.readmodel.Snapshot;
import org.airattack.stats.report.Period;
import org.airattack.stats.report.Revision;
import org.airattack.stats.report.StoredReport;
import org.airattack.stats.series.NightResponse;
import org.airattack.stats.series.NightService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes the events of every committed write, exactly once across replicas, off the write path.
 * <p>
 * A cursor row ({@code event_cursor.evented_version}) says up to which data version events have been
 * made. Whenever this replica's read model moves on (its own write, or a poll that saw another
 * replica's) and once a second in any case, a worker thread locks the cursor row and, when the cursor
 * is behind the snapshot it holds, compares the figures of every night a report changed since the
 * cursor touches (as {@link NightService} reports them, so they match {@code /api/v1/nights/{date}})
 * with the figures last announced for that night ({@code night_figures} keeps their digest): none before → a
 * {@code night} event; different → a {@code correction}; gone → a {@code correction} with
 * {@code removed}. It stores the events, their webhook deliveries, the new figures and the cursor in
 * one transaction. Nothing is skipped when a replica dies between a commit and its events: the next
 * replica to look finds the cursor behind and makes them. A write that changes more than
 * {@code airattack.events.bulk-threshold} nights (a dataset import) makes one {@code bulk} event per
 * source instead.
 */
@ApplicationScoped
public class EventRecorder {

    /** How often old events are pruned. */
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final ReadModel readModel;
    private final NightService nights;
    private final Catalog catalog;
    private final EventRepository events;
    private final WebhookRepository deliveries;
    private final ObjectMapper json;
    private final AirAttackConfig config;
    private final Event<EventsPublished> published;
    private final ScheduledExecutorService worker = Workers.single("airattack-events");
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile Instant lastPrune = Instant.EPOCH;
    /** True while looks fail (the database is away): one log line per stretch, not one a second. */
    private volatile boolean failing;

    public EventRecorder(ReadModel readModel, NightService nights, Catalog catalog, EventRepository events,
            WebhookRepository deliveries, ObjectMapper json, AirAttackConfig config, Event<EventsPublished> published) {
        this.readModel = readModel;
        this.nights = nights;
        this.catalog = catalog;
        this.events = events;
        this.deliveries = deliveries;
        this.json = json;
        this.config = config;
        this.published = published;
    }

    /** The read model moved on: make its events on the worker, never in the observer (which may be a write's thread). */
    void onSnapshot(@Observes Snapshot snapshot) {
        request();
    }

    /** Catches up whatever a replica that died after its commit left undone, and prunes. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        request();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void request() {
        if (readModel.loaded() && queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::run);
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
        }
    }

    private void run() {
        queued.set(false);
        try {
            Map<EventType, Integer> made = QuarkusTransaction.requiringNew().call(() -> record(readModel.snapshot()));
            made.forEach((type, count) -> published.fire(new EventsPublished(type, count)));
            if (failing) {
                failing = false;
                Log.info("events are made again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                Log.warnf("events could not be made (every look retries, once a second): %s", e.toString());
            }
        }
    }

    /** Under the cursor's lock: the events of every version from the cursor to this snapshot's. */
    private Map<EventType, Integer> record(Snapshot s) {
        Map<EventType, Integer> made = new EnumMap<>(EventType.class);
        long cursor = events.lockCursor();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (lastPrune.plus(PRUNE_EVERY).isBefore(now)) {
            lastPrune = now;
            int pruned = events.prune(now.minus(config.events().retention()), config.events().maxKept());
            if (pruned > 0) {
                Log.debugf("pruned %d events", pruned);
            }
        }
        long stored = events.dataVersion();
        if (s.version() > stored) {
            return made; // the database went back (restored, reset): the read model reloads first
        }
        if (cursor < 0 || cursor > stored) {
            // first run on a store that has data, or a database restored to an older state: what is stored
            // now counts as announced, without events
            events.forgetFigures();
            List<EventRepository.Announcement> all = new ArrayList<>();
            for (Key key : everyNight(s)) {
                nights.night(s, key.source(), key.period(), key.date()).ifPresent(n -> all.add(announcement(key, announced(n))));
            }
            events.announce(all);
            events.moveCursor(s.version());
            Log.infof("events start at data version %d (the nights stored before count as announced)", s.version());
            return made;
        }
        if (cursor >= s.version()) {
            return made; // made already, by this replica or another from a snapshot at least as new
        }
        List<Change> changes = new ArrayList<>();
        List<EventRepository.Announcement> announced = new ArrayList<>();
        Set<Key> touched = touchedSince(s, cursor);
        Map<String, List<LocalDate>> perSeries = touched.stream()
                .collect(Collectors.groupingBy(Key::series, Collectors.mapping(Key::date, Collectors.toList())));
        Map<String, Map<LocalDate, EventRepository.Announced>> known = new HashMap<>();
        for (Key key : touched) {
            Optional<NightResponse> night = nights.night(s, key.source(), key.period(), key.date());
            EventRepository.Announced after = night.map(this::announced).orElse(null);
            // what was announced of the series' touched nights, in one lookup per series
            EventRepository.Announced before = known.computeIfAbsent(key.series(),
                    k -> events.announced(key.source().slug(), key.period().slug(), perSeries.get(k))).get(key.date());
            boolean changed = before == null ? after != null : after == null || !before.digest().equals(after.digest());
            if (after != null && before == null) {
                changes.add(new Change(key, EventType.NIGHT, night.get(), null));
            } else if (changed) {
                changes.add(new Change(key, EventType.CORRECTION, night.orElse(null), before.totals()));
            }
            if (changed) {
                announced.add(announcement(key, after));
            }
        }
        events.announce(announced);
        if (changes.size() > config.events().bulkThreshold()) {
            Map<String, List<Change>> bySource = new TreeMap<>();
            changes.forEach(c -> bySource.computeIfAbsent(c.key().source().slug(), k -> new ArrayList<>()).add(c));
            bySource.forEach((source, list) -> store(bulk(source, list, s.version(), now), made));
        } else {
            for (Change c : changes) {
                store(event(c, s.version(), now), made);
            }
        }
        events.moveCursor(s.version());
        return made;
    }

    /** A night of a source, under the period filter its reports count in ({@code night} with spans, or {@code day}). */
    private record Key(SourceInfo source, PeriodFilter period, LocalDate date) {

        /** The series the night belongs to: its source and period filter. */
        String series() {
            return source.slug() + "/" + period.slug();
        }
    }

    /** What changed about one night; {@code previousTotals}: the totals announced before, as JSON (a correction's). */
    private record Change(Key key, EventType type, NightResponse night, String previousTotals) {
    }

    /** @param announced what is announced of the night now; null: it has no report any more */
    private static EventRepository.Announcement announcement(Key key, EventRepository.Announced announced) {
        return new EventRepository.Announcement(key.source().slug(), key.period().slug(), key.date(), announced);
    }

    /** Every night any revision of a report changed after the cursor counted in (where it counts now and where it used to). */
    private Set<Key> touchedSince(Snapshot s, long cursor) {
        Set<Key> keys = new LinkedHashSet<>();
        for (StoredReport r : s.reportsNewestFirst()) {
            if (r.lastChange() > cursor) {
                for (Revision rev : r.revisions()) {
                    keys.add(new Key(r.source(), filter(rev.period()), rev.date()));
                }
            }
        }
        return keys;
    }

    private Set<Key> everyNight(Snapshot s) {
        Set<Key> keys = new LinkedHashSet<>();
        for (SourceInfo source : catalog.sources()) {
            for (PeriodFilter period : List.of(PeriodFilter.NIGHT, PeriodFilter.DAY)) {
                s.dated(source.slug(), period).keySet().forEach(d -> keys.add(new Key(source, period, d)));
            }
        }
        return keys;
    }

    private static PeriodFilter filter(Period period) {
        return period == Period.DAY ? PeriodFilter.DAY : PeriodFilter.NIGHT;
    }

    /**
     * The figures a change is judged by: what /api/v1/nights/{date} reports but its reports, warnings
     * and data version — its totals, categories, weapons and flags. Only those four parts are
     * written, straight to text: an import touches thousands of nights, and the reports were most of
     * the work, then the JSON trees the parts were first turned into (a seventh of what the ×100
     * import allocated). The text is the same either way ({@code EventsTest}).
     */
    String figures(NightResponse night) {
        return write(figureParts(night));
    }

    /**
     * What is kept of a night's announcement: the digest of its {@link #figures} (equal figures, equal
     * digest: a change is judged by it) and its totals, which a correction quotes as {@code previous}.
     * Not the figures themselves: a kilobyte a night, read back for every night an import touches.
     */
    EventRepository.Announced announced(NightResponse night) {
        return new EventRepository.Announced(Sha256.hex(figures(night)), write(night.totals()));
    }

    /** The four parts of a night's figures, in the order they are written. */
    private static Map<String, Object> figureParts(NightResponse night) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("totals", night.totals());
        parts.put("categories", night.categories());
        parts.put("weapons", night.weapons());
        parts.put("flags", night.flags());
        return parts;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    private NightEvent event(Change c, long version, Instant now) {
        NightEvent e = newEvent(c.type(), c.key().source().slug(), c.key().period().slug(), c.key().date(), version, now);
        ObjectNode payload = header(e);
        payload.put("date", c.key().date().toString());
        payload.put("url", "/api/v1/nights/" + c.key().date() + "?source=" + e.source + "&period=" + e.period);
        if (c.night() != null) {
            payload.set("totals", json.valueToTree(c.night().totals()));
            payload.set("flags", json.valueToTree(c.night().flags()));
        } else {
            payload.putNull("totals");
            payload.put("removed", true);
        }
        if (c.previousTotals() != null) {
            payload.set("previous", read(c.previousTotals()));
        }
        e.payload = payload.toString();
        return e;
    }

    private NightEvent bulk(String source, List<Change> changes, long version, Instant now) {
        NightEvent e = newEvent(EventType.BULK, source, PeriodFilter.ANY.slug(), null, version, now);
        ObjectNode payload = header(e);
        payload.put("nights", changes.stream().filter(c -> c.type() == EventType.NIGHT).count());
        payload.put("corrections", changes.stream().filter(c -> c.type() == EventType.CORRECTION).count());
        payload.put("from", changes.stream().map(c -> c.key().date()).min(LocalDate::compareTo).orElseThrow().toString());
        payload.put("to", changes.stream().map(c -> c.key().date()).max(LocalDate::compareTo).orElseThrow().toString());
        e.payload = payload.toString();
        return e;
    }

    private NightEvent newEvent(EventType type, String source, String period, LocalDate date, long version, Instant now) {
        NightEvent e = new NightEvent();
        e.id = events.nextId();
        e.type = type.slug();
        e.source = source;
        e.period = period;
        e.date = date;
        e.dataVersion = version;
        e.createdAt = now;
        return e;
    }

    /** The fields every event starts with. */
    private ObjectNode header(NightEvent e) {
        ObjectNode payload = json.createObjectNode();
        payload.put("id", e.id);
        payload.put("type", e.type);
        payload.put("source", e.source);
        payload.put("period", e.period);
        payload.put("dataVersion", e.dataVersion);
        payload.put("createdAt", e.createdAt.toString());
        return payload;
    }

    private JsonNode read(String figures) {
        try {
            return json.readTree(figures);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored figures are not JSON", e);
        }
    }

    /** Stores the event and one delivery per webhook that takes its kind. */
    private void store(NightEvent e, Map<EventType, Integer> made) {
        events.persist(e);
        for (Map.Entry<String, AirAttackConfig.Webhook> hook : new LinkedHashMap<>(config.webhooks()).entrySet()) {
            if (hook.getValue().events().contains(e.type)) {
                WebhookDelivery d = new WebhookDelivery();
                d.eventId = e.id;
                d.hook = hook.getKey();
                d.status = WebhookDelivery.PENDING;
                d.attempts = 0;
                d.nextAttemptAt = e.createdAt;
                d.createdAt = e.createdAt;
                deliveries.persist(d);
            }
        }
        made.merge(EventType.fromSlug(e.type).orElseThrow(), 1, Integer::sum);
    }
}
