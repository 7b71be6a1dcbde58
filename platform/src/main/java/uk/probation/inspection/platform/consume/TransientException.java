package uk.probation.inspection.platform.consume;

/** A failure that is expected to go away (the broker or database briefly unreachable): the batch is tried again. */
public class TransientException extends RuntimeException {

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
