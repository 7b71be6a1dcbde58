package uk.probation.inspection.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document; {@code errors} lists the validation failures, at most
 * {@link ValidationErrors#MAX_LISTED} of them. Extension members for validation: {@code errorCount} (how many were
 * found) and {@code truncated} (true when the list or the checking stopped short, so the count is a lower bound).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        Integer errorCount, Boolean truncated) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null, null);
    }

    /** One failure: where ({@code field} for JSON, {@code line} and {@code field} for CSV) and what. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, Integer line, String message) {

        public static FieldError field(String field, String message) {
            return new FieldError(field, null, message);
        }

        public static FieldError line(int line, String field, String message) {
            return new FieldError(field, line, message);
        }
    }
}
