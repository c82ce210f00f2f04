package org.airattack.stats.common;

/** How an error message quotes a value the client sent: whole when short, else its start and an ellipsis. */
public final class Clip {

    /** The longest value quoted whole. */
    public static final int QUOTED = 60;

    private Clip() {
    }

    public static String clip(String value) {
        return clip(value, QUOTED);
    }

    public static String clip(String value, int max) {
        return value.length() > max ? value.substring(0, max) + "…" : value;
    }
}
