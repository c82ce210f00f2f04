package org.airattack.stats.problem;

import java.util.List;

/** 400: the request names some fields or parameters wrongly; nothing was stored. */
public class InvalidException extends DomainException {

    public InvalidException(List<FieldError> errors) {
        super(ProblemType.VALIDATION, detail(errors), errors);
    }

    /** One field or parameter. */
    public InvalidException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String detail(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return errors.size() == 1 ? first.field() + ": " + first.message()
                : errors.size() + " fields are invalid: " + first.field() + ": " + first.message() + "; …";
    }
}
