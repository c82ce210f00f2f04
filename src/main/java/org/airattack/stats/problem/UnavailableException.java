package org.airattack.stats.problem;

/** 503: the service cannot take the request now (a full write queue); the client may retry shortly. */
public class UnavailableException extends DomainException {

    public UnavailableException(ProblemType type, String detail) {
        super(type, detail, null);
    }
}
