package org.airattack.stats.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.problem.TooLargeException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * Caps JSON request bodies at {@code airattack.validation.max-json-body} (the HTTP layer's own
 * limit is sized for whole-file imports), counting bytes as they are read so a chunked body
 * without Content-Length is capped too, and refuses bytes that are not strict UTF-8 before Jackson
 * decodes them: Jackson reads the overlong {@code C0 AF} as '/', which would let a body say one
 * thing to a filter or reviewer and store another.
 */
@Provider
public class JsonBodyLimit implements ReaderInterceptor {

    private final Instance<AirAttackConfig> config;

    /** Providers are created before runtime configuration exists; the limit is read on first use. */
    public JsonBodyLimit(Instance<AirAttackConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"))) {
            long limit = config.get().validation().maxJsonBody().asLongValue();
            String declared = context.getHeaders().getFirst("Content-Length");
            if (declared != null && parse(declared) > limit) {
                throw tooLarge(limit);
            }
            context.setInputStream(new StrictUtf8(new Capped(context.getInputStream(), limit)));
        }
        return context.proceed();
    }

    private static TooLargeException tooLarge(long limit) {
        return new TooLargeException("a JSON body may be at most " + limit + " bytes");
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Fails once more than the limit has been read. */
    private static final class Capped extends FilterInputStream {

        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }

    /**
     * Passes bytes through while they form UTF-8 as RFC 3629 defines it: no overlong forms, no
     * encoded surrogates, nothing above U+10FFFF, no sequence cut off at the end.
     */
    private static final class StrictUtf8 extends FilterInputStream {

        private long offset;
        /** Continuation bytes the current sequence still needs. */
        private int pending;
        /** The range the next continuation byte must fall in (narrower right after some lead bytes). */
        private int low = 0x80;
        private int high = 0xBF;

        StrictUtf8(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                atEnd();
            } else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                atEnd();
            }
            for (int i = 0; i < n; i++) {
                check(buf[off + i] & 0xff);
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void check(int b) throws JsonParseException {
            if (pending > 0) {
                if (b < low || b > high) {
                    throw invalid(b);
                }
                pending--;
                low = 0x80;
                high = 0xBF;
            } else if (b >= 0x80) {
                switch (b >> 4) {
                    case 0xC, 0xD -> pending = 1;
                    case 0xE -> pending = 2;
                    case 0xF -> pending = 3;
                    default -> throw invalid(b);
                }
                if (b < 0xC2 || b > 0xF4) {
                    throw invalid(b);
                }
                if (b == 0xE0) {
                    low = 0xA0;
                } else if (b == 0xED) {
                    high = 0x9F;
                } else if (b == 0xF0) {
                    low = 0x90;
                } else if (b == 0xF4) {
                    high = 0x8F;
                }
            }
            offset++;
        }

        private void atEnd() throws JsonParseException {
            if (pending > 0) {
                throw new JsonParseException((JsonParser) null, "the body ends inside a UTF-8 sequence");
            }
        }

        private JsonParseException invalid(int b) {
            return new JsonParseException((JsonParser) null, String.format(
                    "byte %d (0x%02X) is not UTF-8 here; overlong forms, encoded surrogates and stray bytes are refused", offset, b));
        }
    }
}
