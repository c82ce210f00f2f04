package org.airattack.stats.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.readmodel.ReadModel;
import org.airattack.stats.readmodel.Snapshot;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The lean path of every read under /api/v1 (SPEC §3.2), on the event loop before any resource
 * runs: a revalidation whose ETag still holds is a 304 from the ETag alone, and a read answered
 * before at this state of the data is written from ready bytes. Everything else goes on to the
 * resources, and {@link ReadCaching} keeps their answer for next time.
 */
@ApplicationScoped
public class ReadFastPath {

    static final String API = "/api/v1/";
    /** Where the cache key and data stamp of a read wait for {@link ReadCaching} to store its answer. */
    static final String KEY = ReadFastPath.class.getName() + ".key";
    static final String STAMP = ReadFastPath.class.getName() + ".stamp";
    /** When the read reached the resources (System.nanoTime), for the Server-Timing of a computed answer. */
    static final String STARTED = ReadFastPath.class.getName() + ".started";
    /**
     * Anonymous reads: after the CORS filter (which must add its headers to every answer) and ahead of
     * authentication. Reads are anonymous, and running the identity machinery for each poll cost a
     * third of the throughput of a cached read. The metrics still name the route, not the path, by the
     * match patterns in application.properties.
     */
    private static final int ANONYMOUS = 250;
    /** Reads that carry credentials: after authentication, so wrong ones are refused whether or not the answer is ready. */
    private static final int AUTHENTICATED = 10;
    static final CharSequence VARY = HttpHeaders.createOptimized("Accept, Accept-Encoding");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

    private static final Logger LOG = Logger.getLogger(ReadFastPath.class);

    /** Request lines remembered with their canonical key. */
    private static final int MAX_KEYS = 10_000;

    /** A Last-Modified value with its HTTP form. */
    private record HttpDate(Instant instant, String text) {
    }

    private final Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
    /** The Last-Modified of the latest state of the data, formatted once: every read of that state sends it. */
    private volatile HttpDate lastModified = new HttpDate(Instant.EPOCH, httpDate(Instant.EPOCH));
    private final ReadModel readModel;
    private final ReadCache cache;
    private final CharSequence cacheControl;

    public ReadFastPath(ReadModel readModel, ReadCache cache, AirAttackConfig config) {
        this.readModel = readModel;
        this.cache = cache;
        this.cacheControl = HttpHeaders.createOptimized("public, max-age=" + config.http().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.http().staleWhileRevalidate().toSeconds());
    }

    void install(@Observes Filters filters) {
        if (readsMayBeRestricted(ConfigProvider.getConfig())) {
            // an operator closed some paths or endpoints: no read may skip authentication and authorisation
            LOG.info("HTTP permissions or endpoint defaults are configured: ready reads are answered after security");
            filters.register(rc -> serve(rc, null), AUTHENTICATED);
        } else {
            filters.register(rc -> serve(rc, false), ANONYMOUS);
            filters.register(rc -> serve(rc, true), AUTHENTICATED);
        }
    }

    /**
     * True when the configuration restricts HTTP paths ({@code quarkus.http.auth.permission.*},
     * {@code quarkus.http.auth.policy.*}) or REST endpoints by default: then reads are not open to
     * everyone, and answering them ahead of security would let the ready ones out.
     */
    static boolean readsMayBeRestricted(Config config) {
        for (String name : config.getPropertyNames()) {
            String key = name.toLowerCase(Locale.ROOT).replace('_', '.'); // environment variables too
            if (key.startsWith("quarkus.http.auth.permission.") || key.startsWith("quarkus.http.auth.policy.")) {
                return true;
            }
        }
        return config.getOptionalValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class).orElse(false)
                || config.getOptionalValue("quarkus.security.jaxrs.default-roles-allowed", String.class).isPresent();
    }

    /** The Cache-Control of every read answer. */
    CharSequence cacheControl() {
        return cacheControl;
    }

    /**
     * Serves the reads with credentials ({@code authenticated} true), those without (false), or all of
     * them (null); passes the others on.
     */
    private void serve(RoutingContext rc, Boolean authenticated) {
        HttpMethod method = rc.request().method();
        String path = rc.normalizedPath();
        MultiMap headers = rc.request().headers();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD || !path.startsWith(API)
                || authenticated != null && headers.contains(HttpHeaders.AUTHORIZATION) != authenticated) {
            rc.next();
            return;
        }
        Snapshot s = readModel.snapshot();
        ReadCache.Stamp stamp = new ReadCache.Stamp(s.version(), s.lastModified());
        String key = key(rc, path, headers.get(HttpHeaders.ACCEPT));
        rc.put(KEY, key);
        rc.put(STAMP, stamp);
        boolean gzip = acceptsGzip(headers.get(HttpHeaders.ACCEPT_ENCODING));
        ReadCache.Entry entry = cache.get(stamp, key);
        String etag = entry != null ? entry.etag() : ReadCache.etag(stamp, key);
        String gzipEtag = entry != null ? entry.gzipEtag() : ReadCache.gzipEtag(etag);
        if (notModified(headers.get(HttpHeaders.IF_NONE_MATCH), headers.get(HttpHeaders.IF_MODIFIED_SINCE), etag, gzipEtag,
                s.lastModified())) {
            HttpServerResponse r = rc.response().setStatusCode(304);
            headers(r, gzip && (entry == null || entry.gzippable()) ? gzipEtag : etag, s.lastModified());
            r.end();
            return;
        }
        if (entry == null) {
            rc.put(STARTED, System.nanoTime());
            rc.next();
            return;
        }
        boolean zipped = gzip && entry.gzippable();
        byte[] body = zipped ? entry.gzip() : entry.body();
        HttpServerResponse r = rc.response();
        headers(r, zipped ? entry.gzipEtag() : entry.etag(), entry.lastModified());
        r.putHeader(HttpHeaders.CONTENT_TYPE, entry.mediaType());
        if (zipped) {
            r.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        if (method == HttpMethod.HEAD) {
            r.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length)).end();
        } else {
            r.end(Buffer.buffer(Unpooled.wrappedBuffer(body))); // the kept bytes themselves, not a copy per request
        }
    }

    private void headers(HttpServerResponse r, String etag, Instant lastModified) {
        r.putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader(HttpHeaders.LAST_MODIFIED, lastModified(lastModified))
                .putHeader(HttpHeaders.VARY, VARY);
    }

    /** The canonical key of a request line and Accept header, remembered: widgets repeat the same few URLs. */
    private String key(RoutingContext rc, String path, String accept) {
        String raw = rc.request().uri() + '\n' + accept;
        String key = keys.get(raw);
        if (key == null) {
            key = key(path, rc.queryParams(), accept);
            if (keys.size() < MAX_KEYS) {
                keys.put(raw, key);
            }
        }
        return key;
    }

    /**
     * The canonical request: path, the query parameters sorted (all but {@code format}), and the
     * representation asked for ({@code format=csv|json} wins over {@code Accept}).
     */
    static String key(String path, MultiMap query, String accept) {
        StringBuilder sb = new StringBuilder(path.length() + 64).append(path).append('?');
        List<String> params = new ArrayList<>(query.size());
        String format = null;
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals("format")) {
                format = e.getValue();
            } else {
                params.add(e.getKey() + '=' + e.getValue());
            }
        }
        params.sort(null);
        params.forEach(p -> sb.append(p).append('&'));
        boolean csv = "csv".equalsIgnoreCase(format)
                || !"json".equalsIgnoreCase(format) && accept != null && accept.contains(CsvTables.MEDIA_TYPE);
        return sb.append('#').append(csv ? "csv" : "json").toString();
    }

    /** True when a revalidation names the answer's ETag (or its gzip variant's, {@code gz}) or is not older than it. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, String gz, Instant lastModified) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag) || tag.equals(gz)) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return lastModified.getEpochSecond() <= since.getEpochSecond();
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.contains("gzip");
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
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }
}
