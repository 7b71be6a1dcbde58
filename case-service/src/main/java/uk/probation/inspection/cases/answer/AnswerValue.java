package uk.probation.inspection.cases.answer;

import java.util.Set;

/** The answers a key question or prompt takes. */
public final class AnswerValue {

    public static final Set<String> VALUES = Set.of("YES", "NO", "NOT_APPLICABLE");
    public static final int MAX_NOTE = 2000;

    private AnswerValue() {
    }

    public static boolean valid(String value) {
        return value != null && VALUES.contains(value);
    }
}
