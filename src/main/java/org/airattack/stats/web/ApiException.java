package org.airattack.stats.web;

import java.util.List;

/** A failure the client can act on: mapped to a problem document with the given status. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 400: the request names the given fields wrongly. */
    public static ApiException validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + errors.get(0).field() + ": " + errors.get(0).message() + "; …";
        return new ApiException(400, "validation", "Invalid request", detail, errors);
    }

    /** 400 for one field or parameter. */
    public static ApiException invalid(String field, String message) {
        return validation(List.of(new Problem.FieldError(field, message)));
    }

    /** 404 for a resource that does not exist. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, null);
    }

    /** 409 for a request that contradicts the stored state. */
    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
