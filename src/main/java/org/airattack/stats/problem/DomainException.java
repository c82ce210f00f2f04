package org.airattack.stats.problem;

import java.util.List;

/**
 * A failure the client can act on, thrown by domain code and answered by the web layer as the
 * problem document of its {@link ProblemType}. Subclasses name the few kinds domain code throws.
 */
public abstract class DomainException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    protected DomainException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    /** The offending fields, if the problem is about some; empty otherwise. */
    public List<FieldError> errors() {
        return errors;
    }
}
