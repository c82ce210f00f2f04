package org.airattack.stats.events;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.problem.ProblemType;
import org.airattack.stats.problem.UnavailableException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The events as this replica's subscribers get them, whichever replica made them: every
 * {@code airattack.events.poll-interval} it reads the events stored after the newest it has seen
 * (an indexed range of {@code night_event}) and hands each to every subscriber whose filter takes it.
 * A subscriber that resumes (Last-Event-ID) first gets the stored events after its id, or a
 * {@code reset} when some of them have been pruned or there are more than {@link #REPLAY_LIMIT}.
 */
@ApplicationScoped
public class EventStream {

    /** The most events a resume replays; a client further behind gets a reset and reads the nights again. */
    public static final int REPLAY_LIMIT = 1000;
    /** Events read per poll. */
    private static final int PAGE = 500;
    /** Events waiting for a slow client; beyond it the stream ends and the client resumes with Last-Event-ID. */
    private static final int CLIENT_BUFFER = 256;

    /** What a subscriber gets: an event, or a reset (its {@code lastEventId} is too old; re-read the nights). */
    public record Item(PublishedEvent event, Reset reset) {
    }

    /** Events after {@code lastEventId} are no longer all kept. */
    public record Reset(long lastEventId, long prunedThrough, String reason) {
    }

    private record Subscriber(MultiEmitter<? super Item> emitter, Predicate<PublishedEvent> filter) {
    }

    private final EventRepository events;
    private final AirAttackConfig.Events config;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    /** Guards {@link #newest} against a subscriber registering between a poll's read and its hand-out. */
    private final Object handing = new Object();
    private volatile long newest = -1;
    private ScheduledExecutorService poller;

    public EventStream(EventRepository events, AirAttackConfig config) {
        this.events = events;
        this.config = config.events();
    }

    /** After Flyway: the stream starts at the newest event stored. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 40) StartupEvent event) {
        poller = Workers.single("airattack-event-stream");
        long every = config.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
        subscribers.forEach(s -> s.emitter().complete());
    }

    /** Subscribers on this replica now. */
    public int subscribers() {
        return count.get();
    }

    private void poll() {
        try {
            if (newest < 0) {
                newest = QuarkusTransaction.requiringNew().call(events::newestId);
                return;
            }
            List<PublishedEvent> fresh;
            do {
                long from = newest;
                fresh = QuarkusTransaction.requiringNew().call(() -> events.after(from, PAGE).stream().map(PublishedEvent::of).toList());
                synchronized (handing) {
                    for (PublishedEvent e : fresh) {
                        for (Subscriber s : subscribers) {
                            offer(s, e);
                        }
                        newest = e.id();
                    }
                }
            } while (fresh.size() == PAGE);
            if (fresh.isEmpty()) {
                long stored = QuarkusTransaction.requiringNew().call(events::newestId);
                if (stored < newest) {
                    newest = stored; // a database restored with older events: follow its ids from there
                }
            }
        } catch (RuntimeException e) {
            Log.debugf("the event stream could not read new events (the next poll retries): %s", e.getMessage());
        }
    }

    private static void offer(Subscriber s, PublishedEvent e) {
        if (s.filter().test(e)) {
            s.emitter().emit(new Item(e, null));
        }
    }

    /**
     * The events from now on that the filter takes, after the stored ones following {@code lastEventId}
     * (null: none); refused with 503 when this replica serves {@code max-subscribers} already.
     */
    public Multi<Item> subscribe(Long lastEventId, Predicate<PublishedEvent> filter) {
        if (count.incrementAndGet() > config.maxSubscribers()) {
            count.decrementAndGet();
            throw new UnavailableException(ProblemType.TOO_MANY_STREAMS,
                    "this replica serves " + config.maxSubscribers() + " event streams already; retry shortly");
        }
        return Multi.createFrom().<Item> emitter(emitter -> register(emitter, lastEventId, filter), CLIENT_BUFFER)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void register(MultiEmitter<? super Item> emitter, Long lastEventId, Predicate<PublishedEvent> filter) {
        Subscriber s = new Subscriber(emitter, filter);
        emitter.onTermination(() -> {
            if (subscribers.remove(s)) {
                count.decrementAndGet();
            }
        });
        try {
            synchronized (handing) {
                if (lastEventId != null) {
                    replay(s, lastEventId);
                }
                subscribers.add(s);
            }
        } catch (RuntimeException e) {
            count.decrementAndGet();
            emitter.fail(e);
        }
    }

    /**
     * The stored events after {@code lastEventId} up to the newest handed out, or a reset. The reset
     * does not wait for this replica to have handed out the newest events: a resume from before the
     * pruned ones has missed events whatever this replica's poll has seen.
     */
    private void replay(Subscriber s, long lastEventId) {
        long upTo = newest;
        long pruned = QuarkusTransaction.requiringNew().call(events::prunedThrough);
        if (lastEventId < pruned) {
            s.emitter().emit(new Item(null, new Reset(lastEventId, pruned, "events after " + lastEventId + " have been pruned")));
            return;
        }
        if (upTo < 0 || lastEventId >= upTo) {
            return;
        }
        List<PublishedEvent> missed = QuarkusTransaction.requiringNew()
                .call(() -> events.between(lastEventId, upTo, REPLAY_LIMIT + 1).stream().map(PublishedEvent::of).toList());
        if (missed.size() > REPLAY_LIMIT) {
            s.emitter().emit(new Item(null, new Reset(lastEventId, pruned, "more than " + REPLAY_LIMIT + " events were missed")));
            return;
        }
        missed.forEach(e -> offer(s, e));
    }
}
