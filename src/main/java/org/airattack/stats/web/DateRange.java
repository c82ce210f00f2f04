package org.airattack.stats.web;

import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

import org.airattack.stats.problem.InvalidException;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code from}/{@code to} range of a read, both inclusive, either open. */
public class DateRange {

    @QueryParam("from")
    @Parameter(description = "first date, inclusive (YYYY-MM-DD); open when absent", example = "2025-05-01")
    LocalDate from;

    @QueryParam("to")
    @Parameter(description = "last date, inclusive (YYYY-MM-DD); open when absent", example = "2025-05-31")
    LocalDate to;

    /** The first date, or null. */
    public LocalDate from() {
        check();
        return from;
    }

    /** The last date, or null. */
    public LocalDate to() {
        check();
        return to;
    }

    private void check() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidException("from", "is after 'to' (" + from + " > " + to + ")");
        }
    }
}
