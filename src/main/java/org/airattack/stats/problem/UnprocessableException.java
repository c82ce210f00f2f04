package org.airattack.stats.problem;

import java.util.List;

/** 422: the request is well-formed but its content cannot be taken as it is (a post that is not a report). */
public class UnprocessableException extends DomainException {

    public UnprocessableException(ProblemType type, String detail, List<FieldError> errors) {
        super(type, detail, errors);
    }
}
