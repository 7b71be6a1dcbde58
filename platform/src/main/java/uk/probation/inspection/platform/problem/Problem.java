package uk.probation.inspection.platform.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document; {@code errors} lists the validation failures, at most
 * {@link ValidationErrors#MAX_LISTED} of them. Extension members for validation: {@code errorCount} (how many were
 * found) and {@code truncated} (true when the list or the checking stopped short, so the count is a lower bound).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error (RFC 9457 problem details, application/problem+json). A validation "
        + "problem lists what is wrong in errors (at most the first 100), with errorCount and truncated.")
public record Problem(
        @Schema(description = "A URI naming the kind of problem; about:blank when the status says it all",
                examples = "about:blank") String type,
        @Schema(required = true, description = "Short summary of the kind of problem", examples = "Unprocessable Entity")
        String title,
        @Schema(required = true, description = "The HTTP status code", examples = "422") int status,
        @Schema(description = "What went wrong in this request", examples = "1 problem(s) found; nothing was stored")
        String detail,
        @Schema(description = "Each problem found, at most the first 100 (validation problems only)") List<FieldError> errors,
        @Schema(description = "How many problems were found (a lower bound when truncated)", examples = "1")
        Integer errorCount,
        @Schema(description = "True when the list or the checking stopped short, so errorCount is a lower bound",
                examples = "false") Boolean truncated) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null, null);
    }

    /** One failure: where ({@code field} for JSON, {@code line} and {@code field} for CSV) and what. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProblemError", description = "One problem: where (field for JSON; line, and field where known, for CSV) and what")
    public record FieldError(
            @Schema(description = "The field (JSON path or CSV column) at fault", examples = "answer") String field,
            @Schema(description = "The CSV line at fault (the header is line 1)", examples = "7") Integer line,
            @Schema(required = true, description = "What is wrong", examples = "must be YES, NO or NOT_APPLICABLE")
            String message) {

        public static FieldError field(String field, String message) {
            return new FieldError(field, null, message);
        }

        public static FieldError line(int line, String field, String message) {
            return new FieldError(field, line, message);
        }
    }
}
