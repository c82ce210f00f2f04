package org.airattack.stats.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.common.Sha256;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.readmodel.Snapshot;

/**
 * Read answers kept as bytes per (data version, canonical request), so a repeated read is served
 * without computing or serialising anything and a revalidation is answered from the ETag alone.
 * A new state of the data starts an empty generation; the old one is dropped whole. Answers that no
 * write can change any more (as of an instant long past) are kept apart, across data versions, by
 * request alone, within a quarter of the byte budget; a restored database drops them.
 */
@ApplicationScoped
public class ReadCache {

    /** One ready answer: its bytes, and their gzip made on first demand. */
    public static final class Entry {

        private final String etag;
        private final String gzipEtag;
        private final byte[] body;
        private final boolean gzippable;
        private final String mediaType;
        private final Instant lastModified;
        private volatile byte[] gzip;

        Entry(String etag, byte[] body, boolean gzippable, String mediaType, Instant lastModified) {
            this.etag = etag;
            this.gzipEtag = ReadCache.gzipEtag(etag);
            this.body = body;
            this.gzippable = gzippable;
            this.mediaType = mediaType;
            this.lastModified = lastModified;
        }

        /** The strong ETag of the identity bytes (quoted). */
        public String etag() {
            return etag;
        }

        /** The ETag of the gzip variant: strong ETags differ per content coding. */
        public String gzipEtag() {
            return gzipEtag;
        }

        public byte[] body() {
            return body;
        }

        /** True when the answer is large enough to be worth sending gzip-compressed. */
        public boolean gzippable() {
            return gzippable;
        }

        /** The answer gzip-compressed (made once, on the first client that accepts it); only when gzippable. */
        public byte[] gzip() {
            byte[] g = gzip;
            if (g == null) {
                g = ReadCache.gzip(body);
                gzip = g;
            }
            return g;
        }

        /** Its Content-Type. */
        public String mediaType() {
            return mediaType;
        }

        /** When the data it was computed from last changed. */
        public Instant lastModified() {
            return lastModified;
        }
    }

    /**
     * What an answer was computed from: the data version and when the data last changed (and whether
     * another change shares that second). They are the same on every replica; together they also tell
     * apart two databases that reached the same version with different data (a restore from backup).
     */
    public record Stamp(long version, Instant lastModified, boolean secondShared) {

        /** The ETag prefix: version and last change, so a restored database never reuses an ETag. */
        String tag() {
            return version + "-" + Long.toString(lastModified.toEpochMilli(), 36);
        }

        /** What an answer as of a settled instant depends on: that instant alone, its last possible change. */
        static Stamp settled(Instant asOf) {
            return new Stamp(-1, asOf, false);
        }
    }

    private record Generation(Stamp stamp, Map<String, Entry> entries, AtomicLong bytes) {

        Generation(Stamp stamp) {
            this(stamp, new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    private final int maxEntries;
    private final int gzipMinBytes;
    private final long maxBytes;
    private volatile Generation generation = new Generation(new Stamp(-1, Instant.EPOCH, false));
    /** The answers that no longer change, by request. */
    private final Map<String, Entry> settled = new ConcurrentHashMap<>();
    private final AtomicLong settledBytes = new AtomicLong();
    private volatile long seenVersion;
    private final LongAdder computed = new LongAdder();

    public ReadCache(AirAttackConfig config) {
        this.maxEntries = config.http().cacheEntries();
        this.gzipMinBytes = config.http().gzipMinBytes();
        this.maxBytes = config.http().cacheBytes().asLongValue();
    }

    /** The ready answer for this request computed from this state of the data, or null. */
    public Entry get(Stamp stamp, String key) {
        Generation g = generation;
        return g.stamp().equals(stamp) ? g.entries().get(key) : null;
    }

    /**
     * Keeps an answer computed from this state of the data, unless the cache is full (by count or
     * by bytes; an answer too large to keep is still sent, just computed again next time).
     */
    public Entry put(Stamp stamp, String key, byte[] body, String mediaType) {
        return put(stamp, key, body, mediaType, true);
    }

    /** The same, for an answer that compression would not shrink ({@code compressible} false: an image). */
    public Entry put(Stamp stamp, String key, byte[] body, String mediaType, boolean compressible) {
        computed.increment();
        Entry entry = new Entry(etag(stamp, key), body, compressible && body.length >= gzipMinBytes, mediaType, stamp.lastModified());
        Generation g = generation;
        if (!g.stamp().equals(stamp)) {
            g = new Generation(stamp);
            generation = g;
        }
        // an answer is kept with room for its gzip (about a tenth of it); one too large to be polled
        // (a full-history breakdown by weapon runs to megabytes) is not worth the heap it would hold
        long size = body.length + body.length / 8L + 2L * key.length();
        if (size > maxBytes / 16) {
            return entry;
        }
        if (g.entries().size() < maxEntries && g.bytes().addAndGet(size) <= maxBytes) {
            g.entries().put(key, entry);
        } else {
            g.bytes().addAndGet(-size);
        }
        return entry;
    }

    /** The ready answer to a request whose answer no longer changes, or null. */
    public Entry settled(String key) {
        return settled.get(key);
    }

    /**
     * Keeps an answer that no write can change any more (as of {@code asOf}, long past), whatever the
     * data version; its ETag is its content's. When the quarter of the byte budget they may take is
     * spent, the kept ones are dropped and keeping starts again.
     */
    public Entry putSettled(String key, byte[] body, String mediaType, boolean compressible, Instant asOf) {
        computed.increment();
        Entry entry = new Entry("\"asof-" + Sha256.hex(body, 12) + "\"", body, compressible && body.length >= gzipMinBytes, mediaType,
                asOf);
        long size = body.length + body.length / 8L + 2L * key.length();
        if (size > maxBytes / 16) {
            return entry;
        }
        if (settled.size() >= maxEntries || settledBytes.addAndGet(size) > maxBytes / 4) {
            settled.clear();
            settledBytes.set(size);
        }
        settled.put(key, entry);
        return entry;
    }

    /** A data version lower than one seen is a restored or reset database: what was settled may read otherwise now. */
    void onSnapshot(@Observes Snapshot s) {
        if (s.version() < seenVersion) {
            settled.clear();
            settledBytes.set(0);
        }
        seenVersion = s.version();
    }

    /** How many answers have been computed and serialised (every other read was served ready or as 304). */
    public long computed() {
        return computed.sum();
    }

    /** The strong ETag of a request's answer from a state of the data: it changes whenever the data does. */
    public static String etag(Stamp stamp, String key) {
        return "\"" + stamp.tag() + "-" + Sha256.hex(key, 8) + "\"";
    }

    /** The ETag of the gzip variant of an answer with this ETag. */
    public static String gzipEtag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
