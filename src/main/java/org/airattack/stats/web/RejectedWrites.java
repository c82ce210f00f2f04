package org.airattack.stats.web;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.airattack.stats.metrics.AirAttackMetrics;
import org.airattack.stats.problem.ProblemType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts the write requests under {@code /api/v1} that were refused, whichever endpoint took them.
 * The count is taken when the response headers go out, so it also sees refusals no resource ever
 * ran for (a wrong password, a body over the HTTP limit); the problem is the one the problem
 * document names, or else the one the status stands for.
 */
@ApplicationScoped
public class RejectedWrites {

    /** Where the problem of a refused request waits for the response to go out. */
    static final String PROBLEM = RejectedWrites.class.getName() + ".problem";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
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
        if (WRITES.contains(rc.request().method().name()) && rc.normalizedPath().startsWith(ReadFastPath.API)) {
            rc.addHeadersEndHandler(v -> {
                int status = rc.response().getStatusCode();
                if (status >= 400) {
                    ProblemType problem = rc.get(PROBLEM);
                    metrics.rejected(problem != null ? problem : ProblemType.forStatus(status));
                }
            });
        }
        rc.next();
    }

    /** Keeps the problem of an error answer for {@link #watch}. */
    @ServerResponseFilter
    public void remember(ContainerResponseContext response) {
        if (response.getStatus() >= 400 && response.getEntity() instanceof Problem p && p.type() != null) {
            ProblemType.ofUri(p.type()).ifPresent(t -> current.getCurrent().put(PROBLEM, t));
        }
    }
}
