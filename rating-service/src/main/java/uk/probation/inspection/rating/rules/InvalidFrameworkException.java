package uk.probation.inspection.rating.rules;

/** A framework document that the rules cannot be applied to. */
public class InvalidFrameworkException extends IllegalArgumentException {

    public InvalidFrameworkException(String message) {
        super(message);
    }
}
