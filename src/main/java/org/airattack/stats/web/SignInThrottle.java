package org.airattack.stats.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.problem.ProblemType;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Throttles guessing of passwords: a client that sends more wrong credentials than
 * {@code airattack.security.failures-allowed} within {@code failure-window} is answered 429 with
 * Retry-After to every request that carries credentials until {@code lock-time} has passed, before
 * any password is checked. Clients are told apart by address ({@link AirAttackConfig.Security}).
 */
@ApplicationScoped
public class SignInThrottle {

    /** After the CORS filter (300), so a refusal still carries its headers, and ahead of authentication (200). */
    private static final int PRIORITY = 275;
    /** The bytes of an IPv6 address that name its /64 network. */
    private static final int IPV6_NETWORK_BYTES = 8;

    private final FailedSignIns failures;
    private final HttpProblems problems;

    public SignInThrottle(AirAttackConfig config, HttpProblems problems) {
        AirAttackConfig.Security security = config.security();
        this.failures = new FailedSignIns(security.failuresAllowed(), security.failureWindow(), security.lockTime(),
                security.maxClients(), System::nanoTime);
        this.problems = problems;
    }

    void install(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext rc) {
        if (rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            rc.next();
            return;
        }
        SocketAddress address = rc.request().remoteAddress();
        String client = client(address == null ? null : address.hostAddress());
        Duration locked = failures.lockedFor(client);
        if (!locked.isZero()) {
            long seconds = Math.max(1, locked.toSeconds() + (locked.toNanosPart() > 0 ? 1 : 0));
            rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.send(rc, ProblemType.TOO_MANY_REQUESTS, "too many wrong credentials from this address; try again in "
                    + seconds + " s");
            return;
        }
        rc.addHeadersEndHandler(v -> {
            if (rc.response().getStatusCode() == 401 && failures.failed(client)) {
                Log.warnf("%s sent too many wrong credentials; refused for a while", client);
            }
        });
        rc.next();
    }

    /** The client an address counts for: an IPv4 address, or the /64 network of an IPv6 one. */
    public static String client(String host) {
        if (host == null) {
            return "unknown";
        }
        if (host.indexOf(':') < 0) {
            return host;
        }
        try {
            // an address literal: parsed, never looked up
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, IPV6_NETWORK_BYTES) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
