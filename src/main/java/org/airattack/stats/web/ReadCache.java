package org.airattack.stats.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.config.AirAttackConfig;

/**
 * Read answers kept as bytes per (data version, canonical request), so a repeated read is served
 * without computing or serialising anything and a revalidation is answered from the ETag alone.
 * A new state of the data starts an empty generation; the old one is dropped whole.
 */
@ApplicationScoped
public class ReadCache {

    /**
     * One ready answer.
     *
     * @param etag         the strong ETag of the identity bytes (quoted)
     * @param body         the answer
     * @param gzip         the answer gzip-compressed, or null when it is too small to bother
     * @param mediaType    its Content-Type
     * @param lastModified when the data it was computed from last changed
     */
    public record Entry(String etag, byte[] body, byte[] gzip, String mediaType, Instant lastModified) {

        /** The ETag of the gzip variant: strong ETags differ per content coding. */
        public String gzipEtag() {
            return ReadCache.gzipEtag(etag);
        }
    }

    /**
     * What an answer was computed from: the data version and when the data last changed. Both
     * are the same on every replica; together they also tell apart two databases that reached the
     * same version with different data (a restore from backup).
     */
    public record Stamp(long version, Instant lastModified) {

        /** The ETag prefix: version and last change, so a restored database never reuses an ETag. */
        String tag() {
            return version + "-" + Long.toString(lastModified.toEpochMilli(), 36);
        }
    }

    private record Generation(Stamp stamp, Map<String, Entry> entries) {
    }

    private final int maxEntries;
    private final int gzipMinBytes;
    private volatile Generation generation = new Generation(new Stamp(-1, Instant.EPOCH), new ConcurrentHashMap<>());
    private final LongAdder computed = new LongAdder();

    public ReadCache(AirAttackConfig config) {
        this.maxEntries = config.http().cacheEntries();
        this.gzipMinBytes = config.http().gzipMinBytes();
    }

    /** The ready answer for this request computed from this state of the data, or null. */
    public Entry get(Stamp stamp, String key) {
        Generation g = generation;
        return g.stamp().equals(stamp) ? g.entries().get(key) : null;
    }

    /** Keeps an answer computed from this state of the data (unless the cache is full). */
    public Entry put(Stamp stamp, String key, byte[] body, String mediaType) {
        computed.increment();
        Entry entry = new Entry(etag(stamp, key), body, body.length >= gzipMinBytes ? gzip(body) : null, mediaType,
                stamp.lastModified());
        Generation g = generation;
        if (!g.stamp().equals(stamp)) {
            g = new Generation(stamp, new ConcurrentHashMap<>());
            generation = g;
        }
        if (g.entries().size() < maxEntries) {
            g.entries().put(key, entry);
        }
        return entry;
    }

    /** How many answers have been computed and serialised (every other read was served ready or as 304). */
    public long computed() {
        return computed.sum();
    }

    /** The strong ETag of a request's answer from a state of the data: it changes whenever the data does. */
    public static String etag(Stamp stamp, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "\"" + stamp.tag() + "-" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The ETag of the gzip variant of an answer with this ETag. */
    public static String gzipEtag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
