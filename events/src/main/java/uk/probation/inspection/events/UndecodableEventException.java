package uk.probation.inspection.events;

/** A record that is not an event of its topic's contract: unknown type, not JSON, or not the type's shape. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
