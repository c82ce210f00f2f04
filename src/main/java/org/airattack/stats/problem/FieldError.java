package org.airattack.stats.problem;

/**
 * One offending field of a refused request.
 *
 * @param field   a JSON path such as {@code lines[0].launched}, a query parameter name, or {@code body}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
