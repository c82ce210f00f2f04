package org.airattack.stats.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.readmodel.ReadModel;
import org.airattack.stats.readmodel.Snapshot;

import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The lean path of every read under /api/v1 (SPEC §3.2), on the event loop after security and
 * before any resource runs: a read answered before at this state of the data is written from ready
 * bytes, and a revalidation of such an answer whose ETag still holds is a 304. Everything else goes
 * on to the resources, and {@link ReadCaching} keeps their answer for next time.
 * <p>
 * Anonymous reads build no security identity ({@code quarkus.http.auth.proactive=false}); HTTP
 * permissions that close reads still run before this filter. A read that carries credentials is
 * authenticated first, so wrong ones are refused whether or not the answer is ready.
 * <p>
 * The key of a kept answer is the canonical request: the path, the query parameters sorted (each
 * given once: a repeated one is refused by the REST layer and nothing is kept), and the
 * representation the one negotiation ({@link Representation}) picked — the REST layer is told that
 * same choice. Requests whose canonical form is longer than {@link #MAX_KEY} are never kept.
 * <p>
 * A read as of an instant ({@code asOf}) is keyed by it like by any parameter. Once that instant is
 * settled (this replica was last in step with the database {@code airattack.http.as-of-settled}
 * after it: every write recorded by then has committed and been taken in) its answer can no longer
 * change: it is kept across data versions ({@link ReadCache#settled}) and sent as immutable.
 */
@ApplicationScoped
public class ReadFastPath {

    static final String API = "/api/v1/";
    /**
     * Reads whose answers change without a change of the data version (the channel follower's record
     * changes with every poll): never kept, never revalidated here, sent with {@code Cache-Control: no-store}.
     */
    static final String LIVE = API + "channel/";
    /** The event stream and the webhook delivery log: live as well, and the stream is never buffered. */
    static final String EVENTS = API + "events";
    static final String WEBHOOKS = API + "webhooks/";
    /** Where the cache key and data stamp of a read wait for {@link ReadCaching} to store its answer. */
    static final String KEY = ReadFastPath.class.getName() + ".key";
    static final String STAMP = ReadFastPath.class.getName() + ".stamp";
    /** Set when the read is as of a settled instant: its answer no longer changes. */
    static final String SETTLED = ReadFastPath.class.getName() + ".settled";
    /** The Cache-Control of an answer that no longer changes. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final CharSequence IMMUTABLE_HEADER = HttpHeaders.createOptimized(IMMUTABLE);
    /** The reads that take {@code asOf}: the series, the nights, one night or the latest, the summary. */
    private static final Set<String> AS_OF_READS = Set.of(API + "series", API + "nights", API + "summary");
    private static final String NIGHT = API + "nights/";
    /** The representation negotiated for a read, for {@link ReadCaching} to tell the REST layer. */
    static final String REPRESENTATION = ReadFastPath.class.getName() + ".representation";
    /** When the read reached the resources (System.nanoTime), for the Server-Timing of a computed answer. */
    static final String STARTED = ReadFastPath.class.getName() + ".started";
    /** After authentication and the HTTP permission checks. */
    private static final int PRIORITY = 10;
    /** The longest canonical request whose answer is kept: no route is asked with more. */
    static final int MAX_KEY = 1024;
    static final String VARY = "Accept, Accept-Encoding";
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

    /** IMF-fixdate (RFC 9110 §5.6.7): two-digit days, always GMT. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** A Last-Modified value with its HTTP form. */
    private record HttpDate(Instant instant, String text) {
    }

    /** The Last-Modified of the latest state of the data, formatted once: every read of that state sends it. */
    private volatile HttpDate lastModified = new HttpDate(Instant.EPOCH, httpDate(Instant.EPOCH));
    private final ReadModel readModel;
    private final ReadCache cache;
    private final CharSequence cacheControl;
    private final Duration asOfSettled;

    public ReadFastPath(ReadModel readModel, ReadCache cache, AirAttackConfig config) {
        this.readModel = readModel;
        this.cache = cache;
        this.asOfSettled = config.http().asOfSettled();
        this.cacheControl = HttpHeaders.createOptimized("public, max-age=" + config.http().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.http().staleWhileRevalidate().toSeconds());
    }

    void install(@Observes Filters filters) {
        filters.register(this::serve, PRIORITY);
    }

    /** The Cache-Control of every read answer. */
    CharSequence cacheControl() {
        return cacheControl;
    }

    /** The Cache-Control of a read answer: immutable when it is as of a settled instant. */
    CharSequence cacheControl(boolean settled) {
        return settled ? IMMUTABLE_HEADER : cacheControl;
    }

    private void serve(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD || !rc.normalizedPath().startsWith(API)) {
            rc.next();
            return;
        }
        boolean live = live(rc.normalizedPath());
        if (rc.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            // credentials on a read are checked before anything is answered; wrong ones get the challenge
            QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(identity -> {
                if (live) {
                    rc.next();
                } else {
                    answer(rc);
                }
            }, rc::fail);
            return;
        }
        if (live) {
            rc.next();
        } else {
            answer(rc);
        }
    }

    private void answer(RoutingContext rc) {
        MultiMap headers = rc.request().headers();
        Representation representation;
        try {
            representation = Representation.negotiate(single(rc.queryParams(), "format"), headers.get(HttpHeaders.ACCEPT),
                    rc.normalizedPath());
        } catch (InvalidException | RepeatedParameter e) {
            rc.next(); // the REST layer refuses it with a problem naming the parameter
            return;
        }
        if (representation != null) {
            rc.put(REPRESENTATION, representation);
        }
        String key = representation == null ? null : key(rc.normalizedPath(), rc.queryParams(), representation);
        if (key == null) {
            rc.next();
            return;
        }
        Instant settled = settledAsOf(rc.normalizedPath(), rc.queryParams());
        ReadCache.Stamp stamp;
        ReadCache.Entry entry;
        if (settled != null) {
            stamp = ReadCache.Stamp.settled(settled);
            rc.put(SETTLED, Boolean.TRUE);
            entry = cache.settled(key);
        } else {
            Snapshot s = readModel.snapshot();
            stamp = new ReadCache.Stamp(s.version(), s.lastModified(), s.secondShared());
            entry = cache.get(stamp, key);
        }
        rc.put(KEY, key);
        rc.put(STAMP, stamp);
        if (entry == null) {
            rc.put(STARTED, System.nanoTime());
            rc.next();
            return;
        }
        boolean zipped = acceptsGzip(headers.get(HttpHeaders.ACCEPT_ENCODING)) && entry.gzippable();
        HttpServerResponse r = rc.response();
        if (notModified(headers.get(HttpHeaders.IF_NONE_MATCH), headers.get(HttpHeaders.IF_MODIFIED_SINCE), entry, stamp)) {
            headers(r, zipped ? entry.gzipEtag() : entry.etag(), entry.lastModified(), settled != null);
            r.setStatusCode(304).end();
            return;
        }
        byte[] body = zipped ? entry.gzip() : entry.body();
        headers(r, zipped ? entry.gzipEtag() : entry.etag(), entry.lastModified(), settled != null);
        r.putHeader(HttpHeaders.CONTENT_TYPE, entry.mediaType());
        // gzip made once and kept, or identity: never compressed per request by the HTTP layer
        r.putHeader(HttpHeaders.CONTENT_ENCODING, zipped ? GZIP : HttpHeaders.IDENTITY);
        if (rc.request().method() == HttpMethod.HEAD) {
            r.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length)).end();
        } else {
            r.end(Buffer.buffer(Unpooled.wrappedBuffer(body))); // the kept bytes themselves, not a copy per request
        }
    }

    private void headers(HttpServerResponse r, String etag, Instant lastModified, boolean settled) {
        r.putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl(settled))
                .putHeader(HttpHeaders.LAST_MODIFIED, lastModified(lastModified));
        vary(r.headers(), VARY);
    }

    /**
     * The {@code asOf} of a read that takes one, when it is valid and settled; else null (a bad one
     * is refused by the REST layer, naming it).
     */
    private Instant settledAsOf(String path, MultiMap query) {
        String value = query.get(AsOfParam.NAME);
        boolean takesAsOf = AS_OF_READS.contains(path) || path.startsWith(NIGHT) && path.indexOf('/', NIGHT.length()) < 0;
        if (value == null || value.isBlank() || !takesAsOf) {
            return null;
        }
        try {
            Instant asOf = ApiParamConverters.instant(AsOfParam.NAME, value, Instant.now());
            // settled for this replica once it has been in step with the database that long after the instant
            return asOf.isAfter(readModel.lastCheck().minus(asOfSettled)) ? null : asOf;
        } catch (InvalidException e) {
            return null;
        }
    }

    /** True for a read whose answer is never kept ({@link #LIVE}, the events, the webhook log). */
    static boolean live(String path) {
        return path.startsWith(LIVE) || stream(path) || path.startsWith(WEBHOOKS);
    }

    /** True for the event stream (text/event-stream, negotiated by its resource alone). */
    static boolean stream(String path) {
        return path.equals(EVENTS) || path.equals(EVENTS + "/");
    }

    /** Adds these names to the answer's Vary, keeping the ones others (CORS) put there. */
    static void vary(MultiMap headers, String names) {
        String present = headers.get(HttpHeaders.VARY);
        if (present == null) {
            headers.set(HttpHeaders.VARY, names);
            return;
        }
        Set<String> all = new LinkedHashSet<>();
        for (String list : new String[] { present, names }) {
            for (String n : list.split(",")) {
                if (!n.isBlank()) {
                    all.add(n.strip());
                }
            }
        }
        headers.set(HttpHeaders.VARY, String.join(", ", all));
    }

    /** A parameter that must be given once, given twice. */
    static final class RepeatedParameter extends RuntimeException {

        RepeatedParameter(String name) {
            super(name, null, false, false);
        }
    }

    /** The one value of a single-valued parameter, or null when absent. */
    private static String single(MultiMap query, String name) {
        List<String> values = query.getAll(name);
        if (values.size() > 1) {
            throw new RepeatedParameter(name);
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The canonical request: path, the query parameters sorted (all but {@code format}) and the
     * representation; null when a parameter is repeated or the result is longer than {@link #MAX_KEY}.
     */
    static String key(String path, MultiMap query, Representation representation) {
        StringBuilder sb = new StringBuilder(path.length() + 64).append(path).append('?');
        List<String> params = new ArrayList<>(query.size());
        int length = path.length();
        for (Map.Entry<String, String> e : query) {
            if (!e.getKey().equals("format")) {
                params.add(e.getKey() + '=' + e.getValue());
                length += e.getKey().length() + e.getValue().length() + 2;
                if (length > MAX_KEY) {
                    return null;
                }
            }
        }
        params.sort(null);
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            if (i > 0 && name(p).equals(name(params.get(i - 1)))) {
                return null;
            }
            sb.append(p).append('&');
        }
        return sb.append(representation.keySuffix()).toString();
    }

    private static String name(String param) {
        return param.substring(0, param.indexOf('='));
    }

    /**
     * True when a revalidation names the answer's ETag (or its gzip variant's), or {@code *}; without
     * If-None-Match, when If-Modified-Since is not older than the data's last change and no other
     * change shares that second.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, ReadCache.Entry entry, ReadCache.Stamp stamp) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(entry.etag()) || tag.equals(entry.gzipEtag())) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                long changed = stamp.lastModified().getEpochSecond();
                return changed < since.getEpochSecond() || changed == since.getEpochSecond() && !stamp.secondShared();
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** True when Accept-Encoding takes gzip (by name or {@code *}, not with {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return parts.length < 2 || !parts[1].strip().replace(" ", "").matches("(?i)q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** The Last-Modified header of an answer computed from data last changed at {@code instant}. */
    String lastModified(Instant instant) {
        HttpDate d = lastModified;
        if (!d.instant().equals(instant)) {
            d = new HttpDate(instant, httpDate(instant));
            lastModified = d;
        }
        return d.text();
    }

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }
}
