package org.airattack.stats.channel;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.airattack.stats.common.Clip;
import org.airattack.stats.common.LeaseHolder;
import org.airattack.stats.common.Sha256;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.problem.ConflictException;
import org.airattack.stats.problem.NotFoundException;
import org.airattack.stats.problem.ProblemType;
import org.airattack.stats.problem.UnavailableException;
import org.airattack.stats.report.ReportService;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Follows the Air Force's channel through its public web preview, with nobody at the keyboard.
 * <p>
 * Every {@code airattack.channel.poll-interval} each replica claims the lease (a row of
 * {@code channel_state}); the one that holds it polls: it reads the newest page, follows
 * {@code before=} back to the cursor (the newest post recorded, kept in the database, so a restart
 * resumes there; on the first start {@code backfill-pages} pages), and fetches again the page of
 * every stored or unreadable post younger than {@code reread} that those pages did not show (with
 * {@code feed-url} set it reads that feed instead: its items are all it reads). Every
 * post it has not recorded gets its one outcome ({@link ChannelPostReader}); a recorded post whose
 * text changed is read again. Posts are recorded oldest first, each with the cursor in one
 * transaction, so a poll that fails half-way resumes where it stopped.
 * <p>
 * A failed poll (unreachable, an error status, a block page) records nothing, logs one line for a
 * whole stretch of failures and one when polls succeed again, and backs off: doubling waits up to
 * {@link #MAX_BACKOFF}, at least as long as a Retry-After asked. Every replica refreshes the
 * follower's gauges from the database on each tick, so they read the same on all of them.
 */
@ApplicationScoped
public class ChannelFollower {

    /** The source the channel's reports are stored under (the Air Force post reader's). */
    public static final String SOURCE = "ua-air-force";
    /** A poll never walks back further than this many pages (some 4,000 posts: weeks of the channel). */
    static final int MAX_PAGES = 200;
    /** The longest pause after failed polls. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** How long a manual poll or retry waits for one in progress. */
    static final long LOCK_SECONDS = 120;

    private final AirAttackConfig.Channel config;
    private final ChannelClient client;
    private final ChannelPostReader reader;
    private final ChannelStateRepository states;
    private final ChannelPostRepository posts;
    private final Event<ChannelPolled> polled;
    private final Event<ChannelReportPublished> published;
    /** This replica, as the lease names it. */
    private final String holder;
    private final Duration leaseLength;
    /** One poll or retry at a time on this replica; the lease keeps the other replicas out. */
    private final ReentrantLock polling = new ReentrantLock();

    private volatile Map<PostStatus, Long> counts = zeros();
    private volatile Instant lastSuccess;
    private volatile Instant notBefore;
    /** Failed polls in a row, and since when (guarded by {@link #polling}). */
    private int failures;
    private Instant failingSince;

    public ChannelFollower(AirAttackConfig config, ChannelClient client, ChannelPostReader reader, ChannelStateRepository states,
            ChannelPostRepository posts, Event<ChannelPolled> polled, Event<ChannelReportPublished> published) {
        this.config = config.channel();
        this.client = client;
        this.reader = reader;
        this.states = states;
        this.posts = posts;
        this.polled = polled;
        this.published = published;
        this.holder = LeaseHolder.name();
        this.leaseLength = this.config.pollInterval().multipliedBy(2).plusSeconds(30);
    }

    /** After Flyway and the read model; the first poll is the scheduler's. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 30) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        refreshGauges();
        Log.infof("following @%s at %s every %ds (this replica: %s)", config.name(), source(), config.pollInterval().toSeconds(), holder);
    }

    /** A replica that stops hands the lease on at once instead of after it runs out. */
    void onStop(@Observes ShutdownEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> states.release(config.name(), holder));
        } catch (RuntimeException e) {
            Log.debugf("could not release the channel lease on shutdown: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${airattack.channel.poll-interval:PT2M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.enabled() || !polling.tryLock()) {
            return;
        }
        try {
            if (claim() && (notBefore == null || !Instant.now().isBefore(notBefore))) {
                poll();
            }
            refreshGauges();
        } catch (RuntimeException e) {
            // the database is away: the lease cannot be claimed, nothing is polled
            failed("the database cannot be reached: " + e, null);
        } finally {
            polling.unlock();
        }
    }

    /** Polls now (a writer asked), also while the follower backs off; refused while another replica holds the lease. */
    public PollResult pollNow() {
        if (!config.enabled()) {
            throw new ConflictException("following @" + config.name() + " is off (airattack.channel.enabled=false)");
        }
        locked();
        try {
            if (!claim()) {
                ChannelState state = QuarkusTransaction.requiringNew().call(() -> states.findById(config.name()));
                throw new ConflictException("replica " + state.leaseHolder + " follows @" + config.name() + " (its lease runs until "
                        + state.leaseUntil + ") and polls every " + config.pollInterval().toSeconds() + " s; ask again shortly");
            }
            return poll();
        } finally {
            refreshGauges();
            polling.unlock();
        }
    }

    /** Reads a recorded post again (after a fix of the reader): its new outcome. */
    public ChannelPostView retry(long id) {
        String key = config.name() + "/" + id;
        ChannelPost before = QuarkusTransaction.requiringNew().call(() -> posts.findById(key));
        if (before == null) {
            throw new NotFoundException("no post " + key + " has been read from the channel");
        }
        locked();
        try {
            PagePost post = new PagePost(before.post, before.postId, before.url, before.text, before.publishedAt, before.edited);
            ChannelPostReader.Reading reading = reader.read(post, before);
            return QuarkusTransaction.requiringNew().call(() -> ChannelPostView.of(update(posts.findById(key), post, reading)));
        } finally {
            refreshGauges();
            polling.unlock();
        }
    }

    /** Posts by status, as the last tick of this replica counted them. */
    public long count(PostStatus status) {
        return counts.get(status);
    }

    /** The end of the last successful poll of any replica, as this replica last read it; null before the first. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** This replica leaves the channel alone until then, or null. */
    Instant notBefore() {
        return notBefore;
    }

    /** Where the follower reads: the feed when one is set, else the web preview. */
    URI source() {
        return config.feedUrl().orElseGet(() -> pageUri(null));
    }

    /** The page of the newest posts, or of the posts before {@code before}. */
    URI pageUri(Long before) {
        String base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
        return URI.create(base + config.name() + (before == null ? "" : "?before=" + before));
    }

    private void locked() {
        try {
            if (!polling.tryLock(LOCK_SECONDS, TimeUnit.SECONDS)) {
                throw new UnavailableException(ProblemType.WRITE_QUEUE_FULL, "a poll of the channel is still running; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(ProblemType.WRITE_QUEUE_FULL, "interrupted while waiting for the poll in progress");
        }
    }

    private boolean claim() {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            states.ensure(config.name());
            return states.lease(config.name(), holder, now, now.plus(leaseLength));
        });
    }

    /** One poll; needs {@link #polling} and the lease. */
    private PollResult poll() {
        Instant started = Instant.now();
        List<ChannelPostView> changed = new ArrayList<>();
        Map<Long, PagePost> seen = new TreeMap<>();
        int pages = 0;
        Long cursor = null;
        try {
            cursor = QuarkusTransaction.requiringNew().call(() -> states.findById(config.name()).cursor);
            ChannelPage page = config.feedUrl().isPresent() ? feed(config.feedUrl().get(), seen) : fetch(null, seen);
            pages++;
            int limit = cursor == null ? Math.max(1, config.backfillPages()) : MAX_PAGES;
            while (page.before() != null && pages < limit && (cursor == null || page.oldest() == null || page.oldest() > cursor)) {
                long before = page.before();
                claim();
                page = fetch(before, seen);
                pages++;
                if (page.oldest() == null || page.oldest() >= before) {
                    break; // an empty page, or one that ignored before=: never walk in a circle
                }
            }
            if (cursor != null && config.feedUrl().isEmpty()) {
                for (long id : QuarkusTransaction.requiringNew().call(() -> posts.rereadSince(config.name(), started.minus(config.reread())))) {
                    if (!seen.containsKey(id) && pages < MAX_PAGES) {
                        claim();
                        fetch(id + 1, seen);
                        pages++;
                    }
                }
            }
            Map<String, ChannelPost> recorded = QuarkusTransaction.requiringNew().call(() -> posts.byKey(seen.values().stream()
                    .map(PagePost::key).toList()));
            for (PagePost post : seen.values()) {
                record(post, recorded.get(post.key()), cursor, changed);
            }
        } catch (ChannelUnavailableException e) {
            return failedPoll(started, pages, seen.size(), cursor, changed, e.getMessage(), e.retryAfter());
        } catch (RuntimeException e) {
            Log.debugf(e, "channel @%s: poll failed", config.name());
            return failedPoll(started, pages, seen.size(), cursor, changed, "the posts cannot be recorded: " + e, null);
        }
        Instant ended = Instant.now();
        Long after = QuarkusTransaction.requiringNew().call(() -> {
            ChannelState state = states.findById(config.name());
            state.lastPollAt = ended;
            state.lastSuccessAt = ended;
            return state.cursor;
        });
        lastSuccess = ended;
        if (failures > 0) {
            Log.infof("channel @%s: polls succeed again (%d failed since %s)", config.name(), failures, failingSince);
        }
        failures = 0;
        failingSince = null;
        notBefore = null;
        polled.fire(new ChannelPolled(true, ended));
        return new PollResult(PollResult.OK, started, ended, pages, seen.size(), after, null, List.copyOf(changed));
    }

    /** The feed's posts (a feed has no older page, so the walk back and the re-reads end with it). */
    private ChannelPage feed(URI uri, Map<Long, PagePost> seen) throws ChannelUnavailableException {
        ChannelPage page = ChannelFeedParser.parse(client.fetch(uri, "application/rss+xml, application/atom+xml, application/xml"),
                config.name(), uri.toString());
        page.posts().forEach(p -> seen.putIfAbsent(p.id(), p));
        return page;
    }

    private ChannelPage fetch(Long before, Map<Long, PagePost> seen) throws ChannelUnavailableException {
        URI uri = pageUri(before);
        ChannelPage page = ChannelPageParser.parse(client.fetch(uri), config.name(), uri.toString());
        page.posts().forEach(p -> seen.putIfAbsent(p.id(), p));
        return page;
    }

    /** Gives a post not recorded yet its outcome, or reads a recorded one ({@code before}) again when its text changed. */
    private void record(PagePost post, ChannelPost before, Long cursor, List<ChannelPostView> changed) {
        String hash = Sha256.hex(post.text());
        if (before == null) {
            if (cursor != null && post.id() <= cursor) {
                return; // older than the first page the follower read: it predates following the channel
            }
            ChannelPostReader.Reading reading = reader.read(post, null);
            Instant at = Instant.now();
            changed.add(QuarkusTransaction.requiringNew().call(() -> {
                ChannelPost p = new ChannelPost();
                p.post = post.key();
                p.channel = config.name();
                p.postId = post.id();
                p.firstSeenAt = at;
                posts.persist(update(p, post, reading));
                ChannelState state = states.findById(config.name());
                state.cursor = state.cursor == null ? post.id() : Math.max(state.cursor, post.id());
                return ChannelPostView.of(p);
            }));
            if (reading.written() == ReportService.Outcome.CREATED && cursor != null) {
                published.fire(new ChannelReportPublished(Duration.between(post.publishedAt(), at)));
            }
        } else if (!before.textHash.equals(hash)) {
            ChannelPostReader.Reading reading = reader.read(post, before);
            changed.add(QuarkusTransaction.requiringNew().call(() -> ChannelPostView.of(update(posts.findById(post.key()), post, reading))));
        } else if (before.edited != post.edited()) {
            QuarkusTransaction.requiringNew().run(() -> posts.findById(post.key()).edited = post.edited());
        }
    }

    /** Writes a reading onto a managed post row. */
    private static ChannelPost update(ChannelPost p, PagePost post, ChannelPostReader.Reading reading) {
        p.url = post.url();
        p.publishedAt = post.publishedAt();
        p.edited = post.edited();
        p.text = post.text();
        p.textHash = Sha256.hex(post.text());
        p.status = reading.status().slug();
        p.reason = reading.reason() == null ? null : Clip.clip(reading.reason(), 3990);
        p.reportId = reading.reportId();
        p.revision = reading.revision();
        p.readAt = Instant.now();
        return p;
    }

    private PollResult failedPoll(Instant started, int pages, int seen, Long cursor, List<ChannelPostView> changed, String message,
            Instant retryAfter) {
        Instant ended = Instant.now();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ChannelState state = states.findById(config.name());
                state.lastPollAt = ended;
                state.lastError = Clip.clip(message, 1990);
                state.lastErrorAt = ended;
            });
        } catch (RuntimeException e) {
            Log.debugf("the failed poll could not be recorded: %s", e.getMessage());
        }
        failed(message, retryAfter);
        polled.fire(new ChannelPolled(false, ended));
        return new PollResult(PollResult.FAILED, started, ended, pages, seen, cursor, message, List.copyOf(changed));
    }

    /** One log line per stretch of failures; a pause before the next poll that doubles with each failure. */
    private void failed(String message, Instant retryAfter) {
        Instant now = Instant.now();
        if (failures == 0) {
            failingSince = now;
            Log.warnf("channel @%s: poll failed: %s (retrying with growing pauses of at most %d s; logged again when a poll succeeds)",
                    config.name(), message, MAX_BACKOFF.toSeconds());
        }
        failures++;
        // the next tick after one failure, then pauses of 1, 3, 7, … poll intervals
        Duration pause = config.pollInterval().multipliedBy((1L << Math.min(failures - 1, 16)) - 1);
        Instant next = now.plus(pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause);
        notBefore = retryAfter != null && retryAfter.isAfter(next) ? retryAfter : next;
    }

    /** The gauges' values, read from the database (every replica; the poller's writes are shared). */
    private void refreshGauges() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                counts = posts.countByStatus(config.name());
                ChannelState state = states.findById(config.name());
                lastSuccess = state == null ? null : state.lastSuccessAt;
            });
        } catch (RuntimeException e) {
            Log.debugf("the channel's gauges keep their values: %s", e.getMessage());
        }
    }

    private static Map<PostStatus, Long> zeros() {
        Map<PostStatus, Long> m = new EnumMap<>(PostStatus.class);
        for (PostStatus s : PostStatus.values()) {
            m.put(s, 0L);
        }
        return m;
    }
}
