package uk.probation.inspection.rating.projection;

/** An event whose data cannot be applied (malformed JSON, a missing field, an unknown value): skipped, logged. */
public class BadEventException extends RuntimeException {

    public BadEventException(String message) {
        super(message);
    }

    public BadEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
