package io.scenescore.api;

import java.util.List;

import io.scenescore.job.FieldError;

/**
 * A request the API refuses for a reason of HTTP itself (API key, range, Idempotency-Key, an unreadable body):
 * becomes an application/problem+json answer with this status. Refusals of the job itself are the domain errors
 * of io.scenescore.job, which {@link ProblemDocuments} maps to their status.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
