package uk.probation.inspection.cases.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/** Checks a batch of answers against the inspection's cases and framework, naming every bad row. */
public final class AnswerRules {

    private static final Map<String, String> CSV_COLUMN = Map.of("caseRef", "case_ref", "questionId", "question_id",
            "answer", "answer");

    private AnswerRules() {
    }

    public static List<FieldError> problems(List<AnswerInput> answers, Set<String> caseRefs, Set<String> questionIds) {
        List<FieldError> errors = new ArrayList<>();
        if (answers.isEmpty()) {
            errors.add(FieldError.field("", "no answers in the request"));
        }
        Map<String, AnswerInput> seen = new HashMap<>();
        for (AnswerInput a : answers) {
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
                AnswerInput first = seen.putIfAbsent(a.caseRef() + "\u0000" + a.questionId(), a);
                if (first != null) {
                    error(errors, a, "questionId", "case " + a.caseRef() + " question " + a.questionId()
                            + " is answered twice in this batch (first at " + where(first) + ")");
                }
            }
        }
        return errors;
    }

    private static String where(AnswerInput a) {
        return a.line() != null ? "line " + a.line() : "[" + a.index() + "]";
    }

    private static void error(List<FieldError> errors, AnswerInput a, String field, String message) {
        if (a.line() != null) {
            errors.add(FieldError.line(a.line(), CSV_COLUMN.get(field), message));
        } else {
            errors.add(FieldError.field("[" + a.index() + "]." + field, message));
        }
    }
}
