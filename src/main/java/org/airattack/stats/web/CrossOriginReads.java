package org.airattack.stats.web;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.problem.ProblemType;


import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for a public, CDN-cached read API: pages of the configured origins (any, by default) may
 * read with GET and HEAD; no page of another site may write ({@link SameOriginWrites} refuses those,
 * and their preflight is refused here). Written by hand because Quarkus's CORS filter does not fit a
 * shared cache: with origins {@code *} it echoes each request's Origin without {@code Vary: Origin},
 * so a CDN would hand one site's answer to another, and it refuses same-origin writes that carry an
 * Origin header (Swagger UI's "Try it out").
 * <p>
 * With {@code *}, every read answer says {@code Access-Control-Allow-Origin: *}, with or without
 * an Origin: one answer for everyone, which a CDN may keep. With a list, the answer names the
 * request's origin when it is listed, and always says {@code Vary: Origin}.
 */
@ApplicationScoped
public class CrossOriginReads {

    /** Early: its headers go on every answer, also on ready ones and on refusals by security. */
    private static final int PRIORITY = 400;
    private static final String EXPOSED = "ETag, Last-Modified, Cache-Control";
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final boolean anyOrigin;
    private final Set<String> origins;
    private final String maxAge;
    private final HttpProblems problems;

    public CrossOriginReads(AirAttackConfig config, HttpProblems problems) {
        List<String> configured = config.cors().origins().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        this.anyOrigin = configured.contains("*");
        this.origins = Set.copyOf(configured);
        this.maxAge = String.valueOf(config.cors().preflightMaxAge().toSeconds());
        this.problems = problems;
    }

    void install(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (request.method() == HttpMethod.OPTIONS && origin != null
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            preflight(rc, origin, request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD));
            return;
        }
        if (READS.contains(request.method())) {
            allow(rc.response(), origin);
        }
        rc.next();
    }

    /** The headers that let a page of an allowed origin read this answer. */
    private void allow(HttpServerResponse response, String origin) {
        String allowed = anyOrigin ? "*" : origin != null && origins.contains(origin) ? origin : null;
        if (!anyOrigin) {
            ReadFastPath.vary(response.headers(), "Origin");
        }
        if (allowed != null) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
            response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        }
    }

    private void preflight(RoutingContext rc, String origin, String method) {
        HttpServerResponse response = rc.response();
        boolean read = READS.stream().anyMatch(m -> m.name().equalsIgnoreCase(method.strip()));
        if (!read || !anyOrigin && !origins.contains(origin)) {
            refuse(rc, read ? "pages of " + origin + " may not read this API cross-origin"
                    : "writes are never cross-origin; send them from a script or the same origin");
            return;
        }
        allow(response, origin);
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD");
        String headers = rc.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (headers != null) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers);
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
        if (!anyOrigin) {
            ReadFastPath.vary(response.headers(), "Access-Control-Request-Method, Access-Control-Request-Headers");
        }
        response.setStatusCode(204).end();
    }

    private void refuse(RoutingContext rc, String detail) {
        problems.send(rc, ProblemType.CROSS_ORIGIN_WRITE, detail);
    }
}
