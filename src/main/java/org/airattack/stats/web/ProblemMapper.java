package org.airattack.stats.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;

/** Turns every failure of a request into an {@code application/problem+json} answer. */
public class ProblemMapper {

    private static final String TYPE_PREFIX = "urn:problem-type:airattack:";

    /** Seconds a client should wait before retrying a write while the database is away. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response mapApi(ApiException e, UriInfo uri) {
        Response r = respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
        return e.status() == 503 ? Response.fromResponse(r).header("Retry-After", RETRY_AFTER_SECONDS).build() : r;
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
            return respond(400, "malformed-json", "Malformed JSON", "the body exceeds a JSON limit: " + e.getOriginalMessage(), uri, List.of());
        }
        if (!(e instanceof JsonParseException) && e.getCause() instanceof JsonParseException cause) {
            return mapJson(cause, uri);
        }
        if (e instanceof JsonParseException parse) {
            var at = parse.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return respond(400, "malformed-json", "Malformed JSON", "the body is not valid JSON" + where + ": " + parse.getOriginalMessage(), uri, List.of());
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
            return respond(400, "validation", "Invalid request", (field.isEmpty() ? "body" : field) + ": " + message, uri,
                    List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)));
        }
        return respond(400, "malformed-json", "Malformed JSON", "the body could not be read as JSON", uri, List.of());
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "this operation needs the role 'writer'", uri, List.of());
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return mapJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "HTTP %d for %s", status, uri.getPath());
            return respond(status, "server-error", "Server error", "the request could not be completed", uri, List.of());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        return respond(status, "http-" + status, title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            Log.warnf("database unavailable for %s: %s", uri.getPath(), rootMessage(e));
            Response r = respond(503, "database-unavailable", "Service unavailable",
                    "the database is not reachable; reads still answer from memory, writes can be retried shortly", uri, List.of());
            return Response.fromResponse(r).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        Log.errorf(e, "unexpected failure for %s", uri.getPath());
        return respond(500, "server-error", "Server error", "the request could not be completed; the failure is logged", uri, List.of());
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

    static Response respond(int status, String type, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem problem = new Problem(TYPE_PREFIX + type, title, status, detail, uri == null ? null : uri.getPath(),
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
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
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
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
