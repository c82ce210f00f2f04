package org.airattack.stats.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The slow half of read caching: a read {@link ReadFastPath} could not answer from ready bytes is
 * computed by its resource, then serialised here (JSON; any other media type by its writer, such as
 * the CSV tables), kept in the
 * {@link ReadCache} with its gzip, and sent with ETag, Cache-Control, Last-Modified and Vary.
 * {@code ?format=csv} stands for {@code Accept: text/csv}, for tools that cannot set headers.
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

    @ServerRequestFilter(preMatching = true)
    public void formatParameter(ContainerRequestContext ctx) {
        String format = ctx.getUriInfo().getQueryParameters().getFirst("format");
        if ("csv".equalsIgnoreCase(format)) {
            ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, CsvTables.MEDIA_TYPE);
        } else if ("json".equalsIgnoreCase(format)) {
            ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }

    @ServerResponseFilter
    public void afterRead(ContainerRequestContext req, ContainerResponseContext res) {
        RoutingContext rc = current.getCurrent();
        String key = rc == null ? null : rc.get(ReadFastPath.KEY);
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
        long computed = System.nanoTime();
        MediaType type = res.getMediaType();
        byte[] body;
        String mediaType;
        if (entity instanceof String text) {
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
        ReadCache.Entry entry = cache.put(rc.get(ReadFastPath.STAMP), key, body, mediaType);
        boolean gzip = entry.gzippable() && ReadFastPath.acceptsGzip(req.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        MultivaluedMap<String, Object> h = res.getHeaders();
        h.putSingle(HttpHeaders.ETAG, gzip ? entry.gzipEtag() : entry.etag());
        h.putSingle(HttpHeaders.CACHE_CONTROL, fastPath.cacheControl().toString());
        h.putSingle(HttpHeaders.LAST_MODIFIED, fastPath.lastModified(entry.lastModified()));
        h.putSingle(HttpHeaders.VARY, ReadFastPath.VARY.toString());
        h.putSingle(HttpHeaders.CONTENT_TYPE, mediaType);
        if (gzip) {
            h.putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
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
