package org.airattack.stats.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the service itself, under the {@code airattack.} prefix. */
@ConfigMapping(prefix = "airattack")
public interface AirAttackConfig {

    /** Limits applied to incoming reports. */
    Validation validation();

    /** The in-memory read model every read is answered from. */
    ReadModel readModel();

    /** The report store's upkeep. */
    Store store();

    /** Paging and range limits of the read API. */
    Api api();

    /** Sample data for dev mode. */
    Sample sample();

    /** HTTP caching of read answers. */
    Http http();

    /** Cross-origin reads. */
    Cors cors();

    /** What the alerting gauges count as late. */
    Alerts alerts();

    /** Throttling of wrong credentials. */
    Security security();

    /** Following the Air Force's channel. */
    Channel channel();

    /** Push: the event stream (SSE) and the delivery of webhooks. */
    Events events();

    /**
     * Webhooks by name ({@code airattack.webhooks.<name>.url}, {@code .secret}, {@code .events}): each
     * gets every event of its types as a signed POST. None by default.
     */
    Map<String, Webhook> webhooks();

    /** Limits applied to incoming reports. */
    interface Validation {

        /** The largest count a line may carry; anything above is a typo, not a night. */
        @WithDefault("10000")
        int maxCount();

        /** The longest window a report may cover. */
        @WithDefault("P31D")
        Duration maxWindow();

        /** How far in the future a window end may lie before it is refused (clock skew between writers). */
        @WithDefault("PT10M")
        Duration futureTolerance();

        /** The most lines one report may hold. */
        @WithDefault("200")
        int maxLines();

        /** The largest JSON request body; a night's report is a few kilobytes. */
        @WithDefault("256K")
        MemorySize maxJsonBody();
    }

    /** The report store's upkeep. */
    interface Store {

        /**
         * A batch that creates or revises at least this many reports has PostgreSQL analyse the
         * report tables right after it, in the background, instead of waiting for autovacuum.
         */
        @WithDefault("1000")
        int analyzeAfterReports();
    }

    /** The in-memory read model. */
    interface ReadModel {

        /** How often a replica checks the database for writes made by other replicas. */
        @WithDefault("PT1S")
        Duration refreshInterval();
    }

    /** Paging and range limits of the read API. */
    interface Api {

        /** Page size of GET /api/v1/reports when none is asked for. */
        @WithDefault("50")
        int defaultPageSize();

        /** The largest page size a client may ask for. */
        @WithDefault("500")
        int maxPageSize();

        /** The source a read answers for when the client names none. */
        @WithDefault("ua-air-force")
        String defaultSource();
    }

    /** HTTP caching of read answers (for widgets polling through CDNs). */
    interface Http {

        /** How long browsers and CDNs may use a read answer without asking again. */
        @WithDefault("PT60S")
        Duration maxAge();

        /** How long a CDN may serve a stale answer while it revalidates in the background. */
        @WithDefault("PT5M")
        Duration staleWhileRevalidate();

        /** Answers kept ready per data version (each query string and representation is one). */
        @WithDefault("2000")
        int cacheEntries();

        /** The most bytes of ready answers kept per data version (keep it well below the heap). */
        @WithDefault("16M")
        MemorySize cacheBytes();

        /** Answers at least this large are also kept gzip-compressed for clients that accept it. */
        @WithDefault("1024")
        int gzipMinBytes();

        /**
         * How long after an instant a replica must have been in step with the database before its
         * as-of answers ({@code asOf=}) become immutable: longer than a write transaction may take to
         * commit (a revision is recorded when its write starts). Until then they are cached like any read.
         */
        @WithDefault("PT2M")
        Duration asOfSettled();
    }

    /** Cross-origin reads (writes are never cross-origin). */
    interface Cors {

        /**
         * The origins whose pages may read the API ({@code https://news.example.org}), or {@code *} for
         * any page (the default: the numbers are public). Set as {@code AIRATTACK_CORS_ORIGINS}, comma-separated.
         */
        @WithDefault("*")
        List<String> origins();

        /** How long a browser may keep a preflight's answer. */
        @WithDefault("PT24H")
        Duration preflightMaxAge();
    }

    /** What the alerting gauges count as late. */
    interface Alerts {

        /**
         * The local time (in each national source's own zone) by which the night's report is due: from then on,
         * {@code airattack_night_overdue} is 1 for a national source with no night or span dated today.
         */
        @WithDefault("10:00")
        LocalTime nightDue();
    }

    /**
     * Throttling of wrong credentials, per client: its IP address, an IPv6 client by its /64 network
     * (one host has a whole /64 to send from). Behind a proxy, the client is the proxy unless
     * {@code quarkus.http.proxy.proxy-address-forwarding} is on.
     */
    interface Security {

        /** Wrong credentials a client may send within {@link #failureWindow()}; the next one locks it out. */
        @WithDefault("10")
        int failuresAllowed();

        /** How long a client's wrong credentials are counted together; its count starts again after that. */
        @WithDefault("PT1M")
        Duration failureWindow();

        /**
         * How long a locked-out client is answered 429 with Retry-After to every request that carries
         * credentials, right or wrong. Other clients are not affected, and a success resets nothing.
         */
        @WithDefault("PT10M")
        Duration lockTime();

        /**
         * The most clients whose wrong credentials are remembered; beyond it the one seen least
         * recently is forgotten, so that a flood of addresses cannot grow the memory it takes.
         */
        @WithDefault("10000")
        int maxClients();
    }

    /**
     * Following the Air Force's Telegram channel through its public web preview: every post gets one
     * outcome (stored, ignored, unreadable), and only a national report read without doubt is stored.
     */
    interface Channel {

        /** Poll the channel (one replica at a time holds the lease that lets it). Off by default; on in dev mode. */
        @WithDefault("false")
        boolean enabled();

        /** Where the channel's web preview lives; the channel's name is appended ({@code https://t.me/s/kpszsu}). */
        @WithDefault("https://t.me/s/")
        String baseUrl();

        /** The channel to follow; its national reports are stored as reports of the source {@code ua-air-force}. */
        @WithDefault("kpszsu")
        String name();

        /** How often the newest page is read: a report is published within one interval of its post. */
        @WithDefault("PT2M")
        Duration pollInterval();

        /** Stored and unreadable posts this young are read again on every poll, so an edit makes a revision or goes to the queue. */
        @WithDefault("PT48H")
        Duration reread();

        /** Pages (about 20 posts each) read back on the first start, before the follower has a cursor. */
        @WithDefault("5")
        int backfillPages();

        /**
         * An RSS or Atom feed of the same channel (an RSSHub route such as
         * {@code https://rsshub.example.org/telegram/channel/kpszsu}) to read instead of the web preview,
         * where the preview cannot be reached; its items' links name the posts ({@code https://t.me/kpszsu/82681}).
         * A feed holds only its latest items, so nothing is read back beyond them.
         */
        Optional<URI> feedUrl();

        /**
         * Where the channel's operators can read about this follower or reach whoever runs it (a URL or a
         * mail address); sent in the User-Agent, {@code air-attack-stats/<version> (+<contact>)}.
         */
        Optional<String> contact();
    }

    /** Push: the event stream (GET /api/v1/events) and the delivery of webhooks. */
    interface Events {

        /** How often each replica reads the events committed since the last it read (a cheap indexed query). */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** A comment line goes to every event-stream client this often: the HTTP idle timeout (15 s) must never close a quiet stream. */
        @WithDefault("PT10S")
        Duration heartbeat();

        /** How long events are kept for resume (Last-Event-ID) and delivery; older ones are pruned. */
        @WithDefault("P7D")
        Duration retention();

        /** The most events kept, whatever their age; the oldest beyond it are pruned. */
        @WithDefault("10000")
        int maxKept();

        /**
         * A write that changes more nights than this (a dataset import) makes one {@code bulk} event per
         * source instead of one event per night.
         */
        @WithDefault("100")
        int bulkThreshold();

        /**
         * The most event-stream clients one replica serves at once; the next one is answered 503. Each holds a
         * connection: half of {@code quarkus.http.limits.max-connections} (512), so reads still get through.
         */
        @WithDefault("256")
        int maxSubscribers();

        /** The most attempts of one webhook delivery; after the last failed one it gives up. */
        @WithDefault("8")
        int webhookAttempts();

        /** The wait after a webhook's first failed attempt; it doubles with each further one. */
        @WithDefault("PT1S")
        Duration webhookBackoff();

        /** The longest wait between two attempts of one delivery. */
        @WithDefault("PT5M")
        Duration webhookMaxBackoff();

        /** How long one attempt may take (connecting and the answer), before it counts as failed. */
        @WithDefault("PT10S")
        Duration webhookTimeout();
    }

    /** One webhook: where events go, the secret that signs them, and which kinds it gets. */
    interface Webhook {

        /** Where each event is POSTed as JSON. */
        URI url();

        /** The key of the HMAC-SHA256 signature ({@code X-AirAttack-Signature: sha256=<hex>} over the raw body). */
        String secret();

        /** The kinds of event it gets: {@code night}, {@code correction}, {@code bulk}. */
        @WithDefault("night,correction")
        List<String> events();
    }

    /** Sample data loaded at start-up. */
    interface Sample {

        /** Load the three reports of the seed article (DOMAIN §1) when the database has no report. */
        @WithDefault("false")
        boolean load();
    }
}
