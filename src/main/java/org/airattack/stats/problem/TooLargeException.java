package org.airattack.stats.problem;

/** 413: the body is larger than the endpoint takes. */
public class TooLargeException extends DomainException {

    public TooLargeException(String detail) {
        super(ProblemType.PAYLOAD_TOO_LARGE, detail, null);
    }
}
