package io.scenescore.job;

import java.util.List;

/**
 * A job, a run request or a video refused for a reason its sender can fix: the message says what is wrong and
 * {@link #errors()} names the fields. Knows nothing of HTTP: the API (ProblemDocuments) gives each kind its status
 * and problem document, the file drop writes the same document beside the refused file.
 */
public abstract class JobRefused extends RuntimeException {

    private final List<FieldError> errors;

    protected JobRefused(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    protected JobRefused(String detail) {
        this(detail, List.of());
    }

    /** The invalid fields, each with what is wrong with it; empty when the refusal is about no one field. */
    public List<FieldError> errors() {
        return errors;
    }
}
