package uk.probation.inspection.cases.framework;

import java.util.ArrayList;
import java.util.List;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/** The problems found so far, in the order found, shared by the checks of one framework. */
final class FieldErrors {

    static final int MAX_TEXT = 1000;

    private final List<FieldError> errors = new ArrayList<>();

    void error(String field, String message) {
        errors.add(FieldError.field(field, message));
    }

    void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    /** A required, non-blank text of at most {@link #MAX_TEXT} characters. */
    void text(String at, String value) {
        if (value == null || value.isBlank()) {
            error(at, "must not be blank");
        } else if (value.length() > MAX_TEXT) {
            error(at, "must be at most " + MAX_TEXT + " characters");
        }
    }

    List<FieldError> list() {
        return List.copyOf(errors);
    }
}
