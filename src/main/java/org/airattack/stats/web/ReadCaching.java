package org.airattack.stats.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.series.CsvTables;
import org.airattack.stats.series.ReadModel;
import org.airattack.stats.series.Snapshot;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP caching of every read under /api/v1 (SPEC §3.2): a strong ETag per (data version,
 * canonical query), 304 for If-None-Match or If-Modified-Since without computing anything, ready
 * bytes (and their gzip) for repeated reads, Cache-Control from configuration, Last-Modified, and
 * CSV for {@code Accept: text/csv} or {@code ?format=csv}.
 */
public class ReadCaching {

    static final String API = "/api/v1/";
    private static final String KEY = ReadCaching.class.getName() + ".key";
    private static final String STAMP = ReadCaching.class.getName() + ".stamp";
    private static final String VARY = "Accept, Accept-Encoding";

    private final ReadModel readModel;
    private final ReadCache cache;
    private final ObjectMapper json;
    private final String cacheControl;

    public ReadCaching(ReadModel readModel, ReadCache cache, ObjectMapper json, AirAttackConfig config) {
        this.readModel = readModel;
        this.cache = cache;
        this.json = json;
        this.cacheControl = "public, max-age=" + config.http().maxAge().toSeconds() + ", stale-while-revalidate="
                + config.http().staleWhileRevalidate().toSeconds();
    }

    /** {@code ?format=csv} stands for {@code Accept: text/csv}, for tools that cannot set headers. */
    @ServerRequestFilter(preMatching = true)
    public void formatParameter(ContainerRequestContext ctx) {
        String format = ctx.getUriInfo().getQueryParameters().getFirst("format");
        if ("csv".equalsIgnoreCase(format)) {
            ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, CsvTables.MEDIA_TYPE);
        } else if ("json".equalsIgnoreCase(format)) {
            ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }

    @ServerRequestFilter
    public Response beforeRead(ContainerRequestContext ctx) {
        if (!cacheable(ctx)) {
            return null;
        }
        Snapshot s = readModel.snapshot();
        ReadCache.Stamp stamp = new ReadCache.Stamp(s.version(), s.lastModified());
        String key = key(ctx);
        ctx.setProperty(KEY, key);
        ctx.setProperty(STAMP, stamp);
        boolean gzip = acceptsGzip(ctx.getHeaders());
        ReadCache.Entry entry = cache.get(stamp, key);
        String etag = entry != null ? entry.etag() : ReadCache.etag(stamp, key);
        if (notModified(ctx.getHeaders(), etag, s.lastModified())) {
            String variant = gzip && (entry == null || entry.gzip() != null) ? gzipEtag(etag) : etag;
            return headers(Response.notModified(), variant, s.lastModified()).build();
        }
        return entry == null ? null : serve(entry, gzip);
    }

    @ServerResponseFilter
    public void afterRead(ContainerRequestContext req, ContainerResponseContext res) {
        String key = (String) req.getProperty(KEY);
        if (key == null) {
            return;
        }
        if (res.getStatus() != 200) {
            if (res.getStatus() >= 400) {
                res.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
            }
            return;
        }
        Object entity = res.getEntity();
        if (entity == null || entity instanceof byte[]) {
            return;
        }
        MediaType type = res.getMediaType();
        byte[] body;
        String mediaType;
        if (entity instanceof String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            mediaType = type == null ? MediaType.TEXT_PLAIN : type.toString();
        } else if (type != null && type.isCompatible(MediaType.valueOf(CsvTables.MEDIA_TYPE))) {
            body = CsvTables.of(entity);
            mediaType = CsvTables.MEDIA_TYPE + ";charset=UTF-8";
        } else {
            body = json(entity);
            mediaType = MediaType.APPLICATION_JSON;
        }
        if (body == null) {
            return;
        }
        ReadCache.Entry entry = cache.put((ReadCache.Stamp) req.getProperty(STAMP), key, body, mediaType);
        boolean gzip = entry.gzip() != null && acceptsGzip(req.getHeaders());
        MultivaluedMap<String, Object> h = res.getHeaders();
        h.putSingle(HttpHeaders.ETAG, gzip ? entry.gzipEtag() : entry.etag());
        h.putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        h.putSingle(HttpHeaders.LAST_MODIFIED, httpDate(entry.lastModified()));
        h.putSingle(HttpHeaders.VARY, VARY);
        h.putSingle(HttpHeaders.CONTENT_TYPE, mediaType);
        if (gzip) {
            h.putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        res.setEntity(gzip ? entry.gzip() : entry.body(), null, MediaType.valueOf(mediaType));
    }

    private Response serve(ReadCache.Entry entry, boolean acceptsGzip) {
        boolean gzip = acceptsGzip && entry.gzip() != null;
        Response.ResponseBuilder b = headers(Response.ok(gzip ? entry.gzip() : entry.body(), entry.mediaType()),
                gzip ? entry.gzipEtag() : entry.etag(), entry.lastModified());
        if (gzip) {
            b.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return b.build();
    }

    private Response.ResponseBuilder headers(Response.ResponseBuilder b, String etag, Instant lastModified) {
        return b.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified))
                .header(HttpHeaders.VARY, VARY);
    }

    private static boolean cacheable(ContainerRequestContext ctx) {
        String method = ctx.getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && ctx.getUriInfo().getPath().startsWith(API);
    }

    /** Path, the query parameters sorted, and the representation asked for. */
    static String key(ContainerRequestContext ctx) {
        StringBuilder sb = new StringBuilder(ctx.getUriInfo().getPath());
        List<String> params = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : ctx.getUriInfo().getQueryParameters().entrySet()) {
            if (e.getKey().equals("format")) {
                continue;
            }
            for (String v : e.getValue()) {
                params.add(e.getKey() + '=' + v);
            }
        }
        params.sort(null);
        sb.append('?');
        params.forEach(p -> sb.append(p).append('&'));
        String accept = ctx.getHeaderString(HttpHeaders.ACCEPT);
        sb.append('#').append(accept != null && accept.contains(CsvTables.MEDIA_TYPE) ? "csv" : "json");
        return sb.toString();
    }

    private static boolean notModified(MultivaluedMap<String, String> headers, String etag, Instant lastModified) {
        String inm = headers.getFirst(HttpHeaders.IF_NONE_MATCH);
        if (inm != null) {
            String gz = gzipEtag(etag);
            for (String candidate : inm.split(",")) {
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
        String ims = headers.getFirst(HttpHeaders.IF_MODIFIED_SINCE);
        if (ims != null) {
            try {
                Instant since = ZonedDateTime.parse(ims.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return lastModified.getEpochSecond() <= since.getEpochSecond();
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String gzipEtag(String etag) {
        return ReadCache.gzipEtag(etag);
    }

    private static boolean acceptsGzip(MultivaluedMap<String, String> headers) {
        String ae = headers.getFirst(HttpHeaders.ACCEPT_ENCODING);
        return ae != null && ae.contains("gzip");
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    private byte[] json(Object entity) {
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + entity.getClass().getSimpleName(), e);
        }
    }
}
