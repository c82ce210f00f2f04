package org.airattack.stats.web;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.problem.ProblemType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The request-line, header and declared body limits of {@code quarkus.http.limits.*}, answered with a
 * problem document. Vert.x refuses a request over its decoder's limits before any application code
 * sees it, with a bare status and no body (Quarkus offers no hook for that answer), so the decoder
 * is given {@link #CEILING} times the configured limits and this filter refuses at the configured
 * ones: only a request over the ceiling still gets the bare 414 or 431.
 */
@ApplicationScoped
public class HttpLimits implements HttpServerOptionsCustomizer {

    /** How far beyond the configured limits the HTTP decoder reads before it refuses by itself. */
    static final int CEILING = 2;

    /** Right after {@link RejectedWrites}, which counts the refusals, and ahead of everything else. */
    private static final int PRIORITY = Integer.MAX_VALUE - 1;
    /** The separators and version around method and target: {@code "GET " + uri + " HTTP/1.1"}. */
    private static final int LINE_FRAME = 10;
    /** ": " and the line break around each header's name and value. */
    private static final int HEADER_FRAME = 4;

    private final HttpProblems problems;
    private final int maxLine;
    private final long maxHeaders;
    private final Optional<MemorySize> maxBody;

    public HttpLimits(HttpProblems problems,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int maxLine,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize maxHeaders,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        this.problems = problems;
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders.asLongValue();
        this.maxBody = maxBody;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        ceiling(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        ceiling(options);
    }

    @Override
    public void customizeDomainSocketServer(HttpServerOptions options) {
        ceiling(options);
    }

    private void ceiling(HttpServerOptions options) {
        options.setMaxInitialLineLength(maxLine * CEILING);
        options.setMaxHeaderSize(Math.toIntExact(maxHeaders * CEILING));
    }

    void install(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        int line = request.method().name().length() + request.uri().length() + LINE_FRAME;
        if (line > maxLine) {
            problems.send(rc, ProblemType.URI_TOO_LONG, "the request line is " + line + " characters long; at most " + maxLine
                    + " are read (quarkus.http.limits.max-initial-line-length)");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + HEADER_FRAME;
        }
        if (headers > maxHeaders) {
            problems.send(rc, ProblemType.HEADERS_TOO_LARGE, "the request headers take " + headers + " bytes; at most " + maxHeaders
                    + " are read (quarkus.http.limits.max-header-size)");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBody.isPresent() && declared(length) > maxBody.get().asLongValue()) {
            problems.sendAndClose(rc, ProblemType.PAYLOAD_TOO_LARGE, "the body is " + length.strip() + " bytes; at most "
                    + maxBody.get().asLongValue() + " are taken (quarkus.http.limits.max-body-size)");
            return;
        }
        rc.next();
    }

    /** A Content-Length the decoder has checked to be digits; one beyond a long is larger than any limit. */
    private static long declared(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
