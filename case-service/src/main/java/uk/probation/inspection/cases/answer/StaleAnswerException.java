package uk.probation.inspection.cases.answer;

import java.time.Instant;

/**
 * A write based on an answer version that is no longer current: answered with 409 problem+json carrying the current
 * answer ({@link StaleAnswerMapper}), so the writer can show it and choose. Thrown inside the transaction: nothing
 * is written.
 */
public class StaleAnswerException extends RuntimeException {

    /** The answer as it is now; {@code answer} null and version 0 when there is none (it was never recorded). */
    public record Current(String caseRef, String questionId, String answer, String note, int version,
            String recordedBy, Instant recordedAt) {
    }

    private final transient Current current;
    private final int expected;

    public StaleAnswerException(Current current, int expected) {
        super("The answer to " + current.questionId() + " for case " + current.caseRef() + " is at version "
                + current.version() + " (by " + (current.recordedBy() == null ? "nobody" : current.recordedBy())
                + "), not " + expected + ": someone else saved it since you loaded it");
        this.current = current;
        this.expected = expected;
    }

    public Current current() {
        return current;
    }

    public int expected() {
        return expected;
    }
}
