package org.airattack.stats.common;

import java.util.Collections;

/** The bind markers of an SQL list of values ({@code in (?, ?, ?)}), for the queries that look up a batch at once. */
public final class BindMarks {

    private BindMarks() {
    }

    /** {@code n} markers, comma-separated: {@code "?, ?, ?"}. */
    public static String of(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
