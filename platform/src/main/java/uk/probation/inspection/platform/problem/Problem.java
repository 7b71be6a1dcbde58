package uk.probation.inspection.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document; {@code errors} lists every validation failure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

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
