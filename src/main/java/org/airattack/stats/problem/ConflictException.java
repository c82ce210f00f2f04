package org.airattack.stats.problem;

import java.util.List;

/** 409: the request contradicts what is stored; nothing was stored. */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        this(ProblemType.CONFLICT, detail, null);
    }

    /** A conflict of a more specific kind, with the fields the client may change to resolve it. */
    public ConflictException(ProblemType type, String detail, List<FieldError> errors) {
        super(type, detail, errors);
    }
}
