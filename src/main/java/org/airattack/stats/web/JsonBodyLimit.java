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

/**
 * Caps JSON request bodies at {@code airattack.validation.max-json-body} (the HTTP layer's own
 * limit is sized for whole-file imports), counting bytes as they are read so a chunked body
 * without Content-Length is capped too.
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
            context.setInputStream(new Capped(context.getInputStream(), limit));
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
}
