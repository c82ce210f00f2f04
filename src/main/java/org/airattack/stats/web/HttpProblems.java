package org.airattack.stats.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.airattack.stats.common.Clip;
import org.airattack.stats.problem.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Problem documents for the answers the HTTP layer gives outside the REST resources: a refusal of
 * one of our Vert.x filters, and every failure that reaches the router (wrong credentials, a
 * malformed Host header, an error no resource mapped), which Quarkus would otherwise answer with an
 * empty body or a text page.
 */
@ApplicationScoped
public class HttpProblems {

    private final ObjectMapper json;

    public HttpProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        // ahead of every other failure handler, Quarkus's error page and the REST layer's among them
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        // failures the router meets before any route runs, such as a query string it cannot decode
        router.errorHandler(400, this::failed);
        router.errorHandler(500, this::failed);
    }

    /**
     * Answers with the problem document of this type. The rest of an unread body is read and dropped,
     * so the connection can carry the next request.
     */
    void send(RoutingContext rc, ProblemType type, String detail) {
        send(rc, type.status(), type, detail);
    }

    /**
     * Answers 413 to a body declared larger than the server takes, and closes the connection after
     * the answer rather than reading the body (as Quarkus does for the same refusal).
     */
    void sendAndClose(RoutingContext rc, ProblemType type, String detail) {
        rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        rc.response().endHandler(v -> rc.request().connection().close());
        write(rc, type.status(), type, detail);
    }

    private void failed(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        Throwable failure = rc.failure();
        if (failure instanceof AuthenticationFailedException) {
            // the authentication mechanism has set 401 and its WWW-Authenticate challenge
            send(rc, ProblemType.UNAUTHORIZED, "the credentials were not accepted");
        } else if (failure instanceof UnauthorizedException) {
            send(rc, ProblemType.UNAUTHORIZED, "this needs the credentials of a writer (HTTP Basic)");
        } else if (failure instanceof ForbiddenException) {
            send(rc, ProblemType.FORBIDDEN, "these credentials do not allow this operation");
        } else {
            int status = status(rc, failure);
            if (status >= 500) {
                Log.errorf(failure, "unexpected failure for %s %s", rc.request().method(), rc.request().path());
                send(rc, status, ProblemType.SERVER_ERROR, "the request could not be completed; the failure is logged");
            } else {
                send(rc, status, ProblemType.forStatus(status), detail(status, failure));
            }
        }
    }

    private static int status(RoutingContext rc, Throwable failure) {
        if (rc.statusCode() >= 400) {
            return rc.statusCode();
        }
        if (failure instanceof HttpException http) {
            return http.getStatusCode();
        }
        return 500;
    }

    private static String detail(int status, Throwable failure) {
        String message = failure == null ? null : failure.getMessage();
        if (status == 400 && message != null && message.contains("'Host' header")) {
            return "the Host header is missing or is not a host name with an optional port";
        }
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    private void send(RoutingContext rc, int status, ProblemType type, String detail) {
        if (!rc.request().isEnded()) {
            rc.request().resume();
        }
        write(rc, status, type, detail);
    }

    private void write(RoutingContext rc, int status, ProblemType type, String detail) {
        rc.put(RejectedWrites.PROBLEM, type);
        String path = rc.request().path();
        String instance = path == null ? null : Clip.clip(path, 200);
        Problem problem = status == type.status() ? Problem.of(type, detail, instance, List.of())
                : new Problem(type.uri(), HttpResponseStatus.valueOf(status).reasonPhrase(), status, detail, instance, null);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + problem, e);
        }
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(Buffer.buffer(body));
    }
}
