package io.scenescore.job;

import java.util.List;

/** One or more fields of a job or run request are invalid; each {@link FieldError} says which and why. */
public class InvalidFields extends JobRefused {

    public InvalidFields(List<FieldError> errors) {
        super(detail(errors), errors);
    }

    public InvalidFields(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** With a detail worded for the one case rather than made from the errors. */
    public InvalidFields(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    private static String detail(List<FieldError> errors) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + String.join("; ",
                        errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }
}
