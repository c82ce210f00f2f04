package org.airattack.stats.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of problem the service answers with, named once: the slug of its
 * {@code application/problem+json} type, its HTTP status, its title, and the reason the refused-writes
 * counter ({@code airattack_reports_rejected_total}) files it under. No slug is written anywhere else.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "Invalid request", "validation"),
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON", "malformed-json"),
    BAD_REQUEST("bad-request", 400, "Bad request", "other"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized", "unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden", "forbidden"),
    CROSS_ORIGIN_WRITE("cross-origin-write", 403, "Forbidden", "forbidden"),
    NOT_FOUND("not-found", 404, "Not found", "not-found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed", "method-not-allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable", "other"),
    CONFLICT("conflict", 409, "Conflict", "conflict"),
    IMPORT_WOULD_SHRINK_HISTORY("import-would-shrink-history", 409, "Import would shrink history", "conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large", "payload-too-large"),
    URI_TOO_LONG("uri-too-long", 414, "URI too long", "uri-too-long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type", "unsupported-media-type"),
    UNPROCESSABLE("unprocessable", 422, "Unprocessable content", "unprocessable"),
    NOT_A_REPORT("not-a-report", 422, "Not a national Air Force report", "unprocessable"),
    UNREADABLE_REPORT("unreadable-report", 422, "The report cannot be read fully", "unprocessable"),
    /** A post whose headline, stated total or "N з M" disagrees with its items: neither reading is published unchecked. */
    CROSS_CHECKS_DISAGREE("cross-checks-disagree", 422, "The post's figures disagree", "unprocessable"),
    /** A client that sent too many wrong credentials, answered with Retry-After until its lock ends. */
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests", "too-many-requests"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request header fields too large", "headers-too-large"),
    SERVER_ERROR("server-error", 500, "Server error", "server-error"),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "Service unavailable", "database-unavailable"),
    WRITE_QUEUE_FULL("write-queue-full", 503, "Service unavailable", "write-queue-full"),
    /** A replica that serves airattack.events.max-subscribers event streams already. */
    TOO_MANY_STREAMS("too-many-streams", 503, "Service unavailable", "other"),
    /** Any other status the HTTP layer answers with. */
    OTHER("http-error", 400, "Request refused", "other");

    /** The prefix of every problem type URI. */
    public static final String URI_PREFIX = "urn:problem-type:airattack:";

    /** Every reason the refused-writes counter knows, in a stable order. */
    public static final List<String> METRIC_REASONS = Arrays.stream(values()).map(ProblemType::metricReason).distinct().toList();

    private final String slug;
    private final int status;
    private final String title;
    private final String metricReason;

    ProblemType(String slug, int status, String title, String metricReason) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.metricReason = metricReason;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem document's {@code type}. */
    public String uri() {
        return URI_PREFIX + slug;
    }

    /** The {@code reason} label a write refused with this problem is counted under. */
    public String metricReason() {
        return metricReason;
    }

    /** The problem whose document has this {@code type}. */
    public static Optional<ProblemType> ofUri(String uri) {
        for (ProblemType t : values()) {
            if (t.uri().equals(uri)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The problem a bare HTTP status stands for, where nothing more specific is known. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> DATABASE_UNAVAILABLE;
            default -> status >= 500 ? SERVER_ERROR : OTHER;
        };
    }
}
