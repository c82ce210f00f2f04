package org.airattack.stats.web;

import java.util.List;

import org.airattack.stats.problem.FieldError;
import org.airattack.stats.problem.ProblemType;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem document, sent as {@code application/problem+json}.
 *
 * @param type     a URI naming the kind of problem
 * @param title    a short summary of that kind
 * @param status   the HTTP status
 * @param detail   what went wrong this time, in words a client developer can act on
 * @param instance the request path
 * @param errors   for validation failures, one entry per offending field or parameter
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// Serialised from exception mappers inside a Response, so no resource signature names it: the native
// image must keep its accessors (and FieldError's) for Jackson.
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The document of a problem of this type. */
    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, errors == null || errors.isEmpty() ? null : errors);
    }
}
