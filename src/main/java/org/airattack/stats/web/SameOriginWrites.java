package org.airattack.stats.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.airattack.stats.problem.ProblemType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes are never cross-origin: a browser request from another site (one carrying a foreign
 * {@code Origin}, or {@code Sec-Fetch-Site: cross-site}) that would write is refused, even where no
 * CORS preflight guards it (a text/plain POST). Scripts and curl send no Origin and pass.
 */
public class SameOriginWrites {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossOriginWrites(ContainerRequestContext ctx) {
        if (READS.contains(ctx.getMethod())) {
            return null;
        }
        String site = ctx.getHeaderString("Sec-Fetch-Site");
        String origin = ctx.getHeaderString("Origin");
        boolean foreign = "cross-site".equalsIgnoreCase(site) || origin != null && !sameHost(origin, ctx.getHeaderString(HttpHeaders.HOST));
        if (!foreign) {
            return null;
        }
        return ProblemMapper.respond(ProblemType.CROSS_ORIGIN_WRITE,
                "writes are never cross-origin; send them from a script or the same origin", ctx.getUriInfo(), List.of());
    }

    private static boolean sameHost(String origin, String host) {
        if (host == null || "null".equals(origin)) {
            return false;
        }
        try {
            URI o = URI.create(origin.strip());
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return authority != null && (authority.equalsIgnoreCase(host.strip()) || o.getHost().equalsIgnoreCase(host.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
