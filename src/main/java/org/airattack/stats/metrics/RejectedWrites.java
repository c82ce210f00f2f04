package org.airattack.stats.metrics;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.airattack.stats.web.Problem;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts the write requests under {@code /api/v1} that were refused, whichever endpoint took them
 * (reports now, imports later). The count is taken when the response headers go out, so it also
 * sees refusals no resource ever ran for (a wrong password, a body over the HTTP limit); the reason
 * is the one the problem document names, or else what the status says.
 */
@ApplicationScoped
public class RejectedWrites {

    /** Where the problem type of a refused request waits for the response to go out. */
    static final String REASON = RejectedWrites.class.getName() + ".reason";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String TYPE_PREFIX = "urn:problem-type:airattack:";
    /** Ahead of every other filter, so that nothing answers before the watch is set. */
    private static final int PRIORITY = Integer.MAX_VALUE;

    private final AirAttackMetrics metrics;
    private final CurrentVertxRequest current;

    public RejectedWrites(AirAttackMetrics metrics, CurrentVertxRequest current) {
        this.metrics = metrics;
        this.current = current;
    }

    void install(@Observes Filters filters) {
        filters.register(this::watch, PRIORITY);
    }

    private void watch(RoutingContext rc) {
        if (WRITES.contains(rc.request().method().name()) && rc.normalizedPath().startsWith("/api/v1/")) {
            rc.addHeadersEndHandler(v -> {
                int status = rc.response().getStatusCode();
                if (status >= 400) {
                    metrics.rejected(reason(status, rc.get(REASON)));
                }
            });
        }
        rc.next();
    }

    /** Keeps the problem type of an error answer for {@link #watch}. */
    @ServerResponseFilter
    public void remember(ContainerResponseContext response) {
        if (response.getStatus() >= 400 && response.getEntity() instanceof Problem p && p.type() != null
                && p.type().startsWith(TYPE_PREFIX)) {
            current.getCurrent().put(REASON, p.type().substring(TYPE_PREFIX.length()));
        }
    }

    /** The problem type when it is one of the known reasons, else what the status says. */
    static String reason(int status, String problemType) {
        if (problemType != null && AirAttackMetrics.REJECTION_REASONS.contains(problemType)) {
            return problemType;
        }
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 503 -> "database-unavailable";
            default -> status >= 500 ? "server-error" : "other";
        };
    }
}
