package uk.probation.inspection.feedback.template;

/** How a question is answered. */
public enum QuestionType {
    YES_NO, SINGLE_CHOICE, MULTI_CHOICE, FREE_TEXT;

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }

    /** Null when {@code name} is not a type. */
    public static QuestionType parse(String name) {
        for (QuestionType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
