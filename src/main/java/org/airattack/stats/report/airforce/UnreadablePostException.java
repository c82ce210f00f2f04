package org.airattack.stats.report.airforce;

import java.util.List;

/** A national report the parser cannot read fully; it names each part it could not read. */
public class UnreadablePostException extends RuntimeException {

    private final List<String> problems;

    public UnreadablePostException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
