package org.airattack.stats.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;

import org.airattack.stats.problem.InvalidException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The slow half of read caching: a read {@link ReadFastPath} could not answer from ready bytes is
 * computed by its resource, then serialised here (JSON; any other media type by its writer, such as
 * the CSV tables), kept in the
 * {@link ReadCache} with its gzip, and sent with ETag, Cache-Control, Last-Modified and Vary.
 * A revalidation of an answer not kept ready is answered here, once the answer exists.
 */
public class ReadCaching {

    private static final Annotation[] NO_ANNOTATIONS = {};

    private final ReadCache cache;
    private final ReadFastPath fastPath;
    private final ObjectMapper json;
    private final CurrentVertxRequest current;
    private final Providers providers;

    public ReadCaching(ReadCache cache, ReadFastPath fastPath, ObjectMapper json, CurrentVertxRequest current, Providers providers) {
        this.cache = cache;
        this.fastPath = fastPath;
        this.json = json;
        this.current = current;
        this.providers = providers;
    }

    /**
     * Every query parameter of a read is given once (lists are comma-separated), and the REST layer
     * produces the representation {@link Representation} negotiated, the one the kept answer is keyed by.
     */
    @ServerRequestFilter(preMatching = true)
    public void negotiate(ContainerRequestContext ctx) {
        if (!isRead(ctx) || ReadFastPath.stream(ctx.getUriInfo().getPath())) {
            return;
        }
        MultivaluedMap<String, String> query = ctx.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            if (p.getValue().size() > 1) {
                throw new InvalidException(p.getKey(), "is given " + p.getValue().size() + " times; give it once (a list is "
                        + "comma-separated, e.g. measure=launched,neutralised)");
            }
        }
        RoutingContext rc = current.getCurrent();
        Representation representation = rc == null ? null : rc.get(ReadFastPath.REPRESENTATION);
        if (representation == null) {
            representation = Representation.negotiate(query.getFirst("format"), ctx.getHeaderString(HttpHeaders.ACCEPT),
                    ctx.getUriInfo().getPath());
        }
        if (representation != null) {
            ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, representation.accept());
            return;
        }
        // neither JSON nor CSV: the endpoint's own type may still be accepted (the OpenMetrics export),
        // but never a range the client refused with q=0, which the REST layer would take
        String accepted = Representation.acceptedRanges(ctx.getHeaderString(HttpHeaders.ACCEPT));
        if (accepted.isEmpty()) {
            throw new NotAcceptableException("the request accepts neither application/json nor text/csv");
        }
        ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, accepted);
    }

    private static boolean isRead(ContainerRequestContext ctx) {
        return (HttpMethod.GET.equals(ctx.getMethod()) || HttpMethod.HEAD.equals(ctx.getMethod()))
                && ctx.getUriInfo().getPath().startsWith(ReadFastPath.API);
    }

    @ServerResponseFilter
    public void afterRead(ContainerRequestContext req, ContainerResponseContext res) {
        if (isRead(req) && ReadFastPath.live(req.getUriInfo().getPath())) {
            // changes with every poll of the channel, not with the data: no browser or CDN may keep it
            res.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            return;
        }
        if (res.getStatus() >= 400 && isRead(req)) {
            // a CDN must never keep "not yet" (a 404 for a night not reported) once the numbers arrive
            res.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
            return;
        }
        RoutingContext rc = current.getCurrent();
        String key = rc == null ? null : rc.get(ReadFastPath.KEY);
        if (key == null || res.getStatus() != 200) {
            return;
        }
        Object entity = res.getEntity();
        if (entity == null) {
            return;
        }
        long computed = System.nanoTime();
        MediaType type = res.getMediaType();
        byte[] body;
        String mediaType;
        boolean image = entity instanceof byte[];
        if (entity instanceof byte[] bytes) {
            body = bytes; // an image (the share card): kept as it is, never compressed again
            Object declared = res.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
            mediaType = type != null ? type.toString() : declared != null ? declared.toString() : MediaType.APPLICATION_OCTET_STREAM;
        } else if (entity instanceof String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            mediaType = type == null ? MediaType.TEXT_PLAIN : type.toString();
        } else if (type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            body = json(entity);
            mediaType = MediaType.APPLICATION_JSON;
        } else {
            body = written(entity, type);
            mediaType = type.withCharset(StandardCharsets.UTF_8.name()).toString();
        }
        long serialised = System.nanoTime();
        ReadCache.Stamp stamp = rc.get(ReadFastPath.STAMP);
        boolean settled = rc.get(ReadFastPath.SETTLED) != null;
        ReadCache.Entry entry = settled ? cache.putSettled(key, body, mediaType, !image, stamp.lastModified())
                : cache.put(stamp, key, body, mediaType, !image);
        boolean gzip = entry.gzippable() && ReadFastPath.acceptsGzip(req.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        MultivaluedMap<String, Object> h = res.getHeaders();
        h.putSingle(HttpHeaders.ETAG, gzip ? entry.gzipEtag() : entry.etag());
        h.putSingle(HttpHeaders.CACHE_CONTROL, fastPath.cacheControl(settled).toString());
        h.putSingle(HttpHeaders.LAST_MODIFIED, fastPath.lastModified(entry.lastModified()));
        // keep what was put on the answer before the resource ran (CORS: Origin)
        MultiMap vary = MultiMap.caseInsensitiveMultiMap();
        String before = rc.response().headers().get(HttpHeaders.VARY);
        if (before != null) {
            vary.set(HttpHeaders.VARY, before);
        }
        ReadFastPath.vary(vary, ReadFastPath.VARY);
        h.putSingle(HttpHeaders.VARY, vary.get(HttpHeaders.VARY));
        if (ReadFastPath.notModified(req.getHeaderString(HttpHeaders.IF_NONE_MATCH), req.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
                entry, stamp)) {
            // the answer exists and the client holds it: now (not before computing it) a revalidation may be a 304
            res.setStatus(304);
            res.setEntity(null);
            return;
        }
        h.putSingle(HttpHeaders.CONTENT_TYPE, mediaType);
        // gzip made once and kept, or identity: never compressed per request by the HTTP layer (static-file
        // compression marks answers "identity" first; the JAX-RS header would be added beside that mark)
        rc.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
        h.putSingle(HttpHeaders.CONTENT_ENCODING, gzip ? "gzip" : "identity");
        Long started = rc.get(ReadFastPath.STARTED);
        if (started != null) {
            h.putSingle("Server-Timing", "compute;dur=" + millis(computed - started) + ", serialise;dur=" + millis(serialised - computed));
        }
        res.setEntity(gzip ? entry.gzip() : entry.body(), null, MediaType.valueOf(mediaType));
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /** The answer as the REST layer's writer for its media type writes it (the CSV tables). */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private byte[] written(Object entity, MediaType type) {
        MessageBodyWriter writer = providers.getMessageBodyWriter(entity.getClass(), entity.getClass(), NO_ANNOTATIONS, type);
        if (writer == null) {
            throw new IllegalStateException("no writer of " + type + " for " + entity.getClass().getSimpleName());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.writeTo(entity, entity.getClass(), entity.getClass(), NO_ANNOTATIONS, type, new MultivaluedHashMap<>(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] json(Object entity) {
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + entity.getClass().getSimpleName(), e);
        }
    }
}
