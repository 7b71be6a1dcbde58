package uk.probation.inspection.platform.problem;

import java.util.List;

/** Thrown by service code to answer with a problem document; nothing is written when it escapes a transaction. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Integer errorCount;
    private final Boolean truncated;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        this(status, title, detail, errors, null, null);
    }

    ProblemException(int status, String title, String detail, List<Problem.FieldError> errors, Integer errorCount,
            Boolean truncated) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        // Every problem that lists errors says how many, as the Problem schema documents: all of them unless told.
        this.errorCount = errorCount != null || this.errors == null ? errorCount : Integer.valueOf(this.errors.size());
        this.truncated = truncated != null || this.errors == null ? truncated : Boolean.FALSE;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    /** 400 for JSON that cannot be read, described as the platform's mapper describes it (naming the field). */
    public static ProblemException malformedJson(com.fasterxml.jackson.core.JsonProcessingException e) {
        return new ProblemException(400, "Malformed JSON", ProblemMappers.describe(e), null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Malformed request", detail, null);
    }

    /** 422: well-formed input that breaks a rule; {@code errors} names every problem. */
    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "Validation failed", detail, errors);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(Problems.typeFor(status), title, status, getMessage(), errors, errorCount, truncated);
    }
}
