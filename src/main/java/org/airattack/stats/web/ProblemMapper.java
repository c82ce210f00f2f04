package org.airattack.stats.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.airattack.stats.common.Clip;
import org.airattack.stats.problem.DomainException;
import org.airattack.stats.problem.FieldError;
import org.airattack.stats.problem.ProblemType;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Turns every failure of a request into an {@code application/problem+json} answer. */
public class ProblemMapper {

    /** Seconds a client should wait before retrying a write while the database is away. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response mapDomain(DomainException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response mapParse(JsonParseException e, UriInfo uri) {
        return mapJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mapMismatch(MismatchedInputException e, UriInfo uri) {
        return mapJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mapUnknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return mapJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mapFormat(InvalidFormatException e, UriInfo uri) {
        return mapJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mapJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StreamConstraintsException) {
            return respond(ProblemType.MALFORMED_JSON, "the body exceeds a JSON limit: " + e.getOriginalMessage(), uri, List.of());
        }
        if (!(e instanceof JsonParseException) && e.getCause() instanceof JsonParseException cause) {
            return mapJson(cause, uri);
        }
        if (e instanceof JsonParseException parse) {
            var at = parse.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return respond(ProblemType.MALFORMED_JSON, "the body is not valid JSON" + where + ": " + parse.getOriginalMessage(), uri, List.of());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            String message;
            if (e instanceof UnrecognizedPropertyException unknown) {
                message = "unknown field '" + unknown.getPropertyName() + "'";
            } else if (e instanceof InvalidFormatException format) {
                message = "cannot read " + describe(format.getValue()) + " as " + simpleType(format.getTargetType());
            } else {
                message = "wrong type: " + firstLine(mapping.getOriginalMessage());
            }
            return respond(ProblemType.VALIDATION, (field.isEmpty() ? "body" : field) + ": " + message, uri,
                    List.of(new FieldError(field.isEmpty() ? "body" : field, message)));
        }
        return respond(ProblemType.MALFORMED_JSON, "the body could not be read as JSON", uri, List.of());
    }

    /**
     * A write without credentials: 401 with the authentication mechanism's challenge
     * ({@code WWW-Authenticate}), as Quarkus answers it, and a problem document.
     */
    @ServerExceptionMapper
    public Uni<Response> mapUnauthorized(UnauthorizedException e, RoutingContext rc, UriInfo uri) {
        return challenged(rc, uri, "this needs the credentials of a writer (HTTP Basic)");
    }

    /**
     * A write with wrong credentials: authentication runs when the endpoint needs a role
     * ({@code quarkus.http.auth.proactive=false}), so its failure reaches the REST layer.
     */
    @ServerExceptionMapper
    public Uni<Response> mapAuthenticationFailed(AuthenticationFailedException e, RoutingContext rc, UriInfo uri) {
        return challenged(rc, uri, "the credentials were not accepted");
    }

    private static Uni<Response> challenged(RoutingContext rc, UriInfo uri, String detail) {
        HttpAuthenticator authenticator = rc.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(rc).onFailure().recoverWithNull();
        return challenge.map(c -> {
            Response.ResponseBuilder r = Response.status(ProblemType.UNAUTHORIZED.status()).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(ProblemType.UNAUTHORIZED, detail, uri.getPath(), List.of()));
            if (c != null) {
                c.getHeaders().forEach((name, value) -> r.header(name.toString(), value));
            }
            return r.build();
        });
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "this operation needs the role 'writer'", uri, List.of());
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return mapJson(json, uri);
        }
        if (e.getCause() instanceof DomainException domain) {
            // a query or path parameter our converters refused: the REST layer wraps what they throw
            return mapDomain(domain, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "HTTP %d for %s", status, uri.getPath());
            return respond(ProblemType.SERVER_ERROR, "the request could not be completed", uri, List.of());
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? type.title() : known.getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), title, status, detail, uri == null ? null : uri.getPath(), null)).build();
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            Log.warnf("database unavailable for %s: %s", uri.getPath(), rootMessage(e));
            return respond(ProblemType.DATABASE_UNAVAILABLE,
                    "the database is not reachable; reads still answer from memory, writes can be retried shortly", uri, List.of());
        }
        Log.errorf(e, "unexpected failure for %s", uri.getPath());
        return respond(ProblemType.SERVER_ERROR, "the request could not be completed; the failure is logged", uri, List.of());
    }

    /** True when a failure comes from the database being unreachable rather than from the request. */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** The problem answer of this type; a 503 tells the client when to retry. */
    static Response respond(ProblemType type, String detail, UriInfo uri, List<FieldError> errors) {
        Response.ResponseBuilder r = Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, detail, uri == null ? null : uri.getPath(), errors));
        if (type.status() == 503) {
            r.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return r.build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "'" + Clip.clip(s, 40) + "'";
        }
        return String.valueOf(value);
    }

    private static String simpleType(Class<?> type) {
        return type == null ? "the expected type" : type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
