package uk.probation.inspection.cases.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/** Checks a batch of answers against the inspection's cases and framework, naming each bad row. */
public final class AnswerRules {

    private static final Map<String, String> CSV_COLUMN = Map.of("caseRef", "case_ref", "questionId", "question_id",
            "answer", "answer");

    private AnswerRules() {
    }

    public static List<FieldError> problems(List<AnswerInput> answers, Set<String> caseRefs, Set<String> questionIds) {
        List<FieldError> errors = new ArrayList<>();
        if (answers.isEmpty()) {
            errors.add(noAnswers());
        }
        Check check = new Check(caseRefs, questionIds);
        answers.forEach(a -> check.check(a, errors::add));
        return errors;
    }

    static FieldError noAnswers() {
        return FieldError.field("", "no answers in the request");
    }

    /**
     * The rules for the answers of one batch, applied one answer at a time (so that a large upload is checked as it
     * is read); it remembers the (case, question) pairs seen so far, to find one answered twice.
     */
    public static final class Check {

        private final Set<String> caseRefs;
        private final Set<String> questionIds;
        private final Map<String, AnswerInput> seen = new HashMap<>();
        private final java.util.function.BiFunction<String, String, java.util.Optional<String>> notApplicable;

        public Check(Set<String> caseRefs, Set<String> questionIds) {
            this(caseRefs, questionIds, (caseRef, questionId) -> java.util.Optional.empty());
        }

        /**
         * @param notApplicable why a question does not apply to a case (its standard's {@code appliesTo}), or empty
         */
        public Check(Set<String> caseRefs, Set<String> questionIds,
                java.util.function.BiFunction<String, String, java.util.Optional<String>> notApplicable) {
            this.caseRefs = caseRefs;
            this.questionIds = questionIds;
            this.notApplicable = notApplicable;
        }

        /** Reports every problem of {@code a} to {@code errors}. */
        public void check(AnswerInput a, Consumer<FieldError> errors) {
            boolean caseKnown = false;
            boolean questionKnown = false;
            if (a.caseRef() == null || a.caseRef().isBlank()) {
                error(errors, a, "caseRef", "is required");
            } else if (!caseRefs.contains(a.caseRef())) {
                error(errors, a, "caseRef", "no case '" + a.caseRef() + "' in this inspection");
            } else {
                caseKnown = true;
            }
            if (a.questionId() == null || a.questionId().isBlank()) {
                error(errors, a, "questionId", "is required");
            } else if (!questionIds.contains(a.questionId())) {
                error(errors, a, "questionId", "'" + a.questionId()
                        + "' is not a key question or prompt of this inspection's framework");
            } else {
                questionKnown = true;
            }
            if (!AnswerValue.valid(a.answer())) {
                error(errors, a, "answer", a.answer() == null ? "is required: YES, NO or NOT_APPLICABLE"
                        : "'" + a.answer() + "' is not YES, NO or NOT_APPLICABLE");
            }
            if (caseKnown && questionKnown) {
                java.util.Optional<String> why = notApplicable.apply(a.caseRef(), a.questionId());
                if (why.isPresent()) {
                    error(errors, a, "questionId", "question " + a.questionId() + " does not apply to case "
                            + a.caseRef() + ": " + why.get());
                    return;
                }
                AnswerInput first = seen.putIfAbsent(a.caseRef() + "\u0000" + a.questionId(), a);
                if (first != null) {
                    error(errors, a, "questionId", "case " + a.caseRef() + " question " + a.questionId()
                            + " is answered twice in this batch (first at " + where(first) + ")");
                }
            }
        }
    }

    private static String where(AnswerInput a) {
        return a.line() != null ? "line " + a.line() : "[" + a.index() + "]";
    }

    private static void error(Consumer<FieldError> errors, AnswerInput a, String field, String message) {
        if (a.line() != null) {
            errors.accept(FieldError.line(a.line(), CSV_COLUMN.get(field), message));
        } else {
            errors.accept(FieldError.field("[" + a.index() + "]." + field, message));
        }
    }
}
