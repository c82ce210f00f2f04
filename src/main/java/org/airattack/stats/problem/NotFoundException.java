package org.airattack.stats.problem;

/** 404: what the request names does not exist (a report id, a night not reported yet). */
public class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail, null);
    }
}
