package org.airattack.stats.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.common.Clip;
import org.airattack.stats.problem.ProblemType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * The two refusals of Quarkus's CORS filter (an origin the settings do not list; a method they do
 * not allow cross-origin, such as a write), answered just ahead of it with a problem document: the
 * filter itself ends those answers with a 403 and no body. It decides as the filter does, from the
 * same {@code quarkus.http.cors.*} settings, and lets everything else through to it.
 */
@ApplicationScoped
public class CrossOriginRefusals {

    /** Just ahead of the CORS filter (priority 300). */
    private static final int PRIORITY = 310;
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final HttpProblems problems;
    private final boolean enabled;
    private final Optional<List<String>> origins;
    private final boolean anyOrigin;
    private final List<Pattern> originPatterns;
    private final boolean anyMethod;
    private final Optional<List<String>> methods;

    public CrossOriginRefusals(HttpProblems problems,
            @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
            @ConfigProperty(name = "quarkus.http.cors.methods") Optional<List<String>> methods) {
        this.problems = problems;
        this.enabled = enabled;
        this.origins = origins;
        this.anyOrigin = origins.isPresent() && origins.get().size() == 1
                && ("*".equals(origins.get().get(0)) || "/.*/".equals(origins.get().get(0)));
        this.originPatterns = anyOrigin ? List.of() : CORSFilter.parseAllowedOriginsRegex(origins);
        this.anyMethod = CORSFilter.isConfiguredWithWildcard(methods);
        this.methods = methods;
    }

    void install(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::check, PRIORITY);
        }
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            rc.next();
            return;
        }
        boolean listed = !anyOrigin && origins.isPresent()
                && (origins.get().contains(origin) || CORSFilter.isOriginAllowedByRegex(originPatterns, origin));
        if (!anyOrigin && !listed && !sameOrigin(request, origin)) {
            problems.send(rc, ProblemType.ORIGIN_NOT_ALLOWED, "requests from the origin " + quoted(origin)
                    + " are not allowed (quarkus.http.cors.origins)");
            return;
        }
        boolean preflight = request.method() == HttpMethod.OPTIONS && (request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null
                || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS) != null);
        if (!preflight && (anyOrigin || listed) && !methodAllowed(request.method())) {
            if (READS.contains(request.method())) {
                problems.send(rc, ProblemType.FORBIDDEN, request.method().name() + " is not allowed cross-origin");
            } else {
                problems.send(rc, ProblemType.CROSS_ORIGIN_WRITE, "writes are never cross-origin: a request that carries an Origin "
                        + "may only read; send writes from a script or a tool, without an Origin");
            }
            return;
        }
        rc.next();
    }

    private boolean methodAllowed(HttpMethod method) {
        return anyMethod || methods.orElse(List.of()).stream().anyMatch(m -> m.strip().equalsIgnoreCase(method.name()));
    }

    /** The origin is scheme, host and port of the request itself (default ports being equal to none). */
    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        HostAndPort authority = request.authority();
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (authority == null || uri.getHost() == null || !uri.getRawPath().isEmpty()
                || !request.scheme().equalsIgnoreCase(uri.getScheme()) || !authority.host().equalsIgnoreCase(uri.getHost())) {
            return false;
        }
        return port(request.scheme(), authority.port()) == port(uri.getScheme(), uri.getPort());
    }

    private static int port(String scheme, int port) {
        return port >= 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static String quoted(String origin) {
        return "'" + Clip.clip(origin) + "'";
    }
}
