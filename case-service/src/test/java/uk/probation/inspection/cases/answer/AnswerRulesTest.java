package uk.probation.inspection.cases.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.platform.problem.Problem.FieldError;

class AnswerRulesTest {

    static final Set<String> CASES = Set.of("NEW-001", "NEW-002");
    static final Set<String> QUESTIONS = Set.of("2.2.1", "2.2.1a", "2.2.1b");

    @Test
    void goodRowsPass() {
        assertEquals(List.of(), AnswerRules.problems(List.of(new AnswerInput(2, null, "NEW-001", "2.2.1", "YES"),
                new AnswerInput(3, null, "NEW-002", "2.2.1a", "NOT_APPLICABLE")), CASES, QUESTIONS));
    }

    @Test
    void unknownCaseQuestionAndValueAreNamedWithTheirLine() {
        List<FieldError> problems = AnswerRules.problems(List.of(
                new AnswerInput(2, null, "NEW-001", "2.2.1", "YES"),
                new AnswerInput(3, null, "NEW-404", "2.2.1", "YES"),
                new AnswerInput(4, null, "NEW-001", "2.2.9", "YES"),
                new AnswerInput(5, null, "NEW-001", "2.2.1a", "MAYBE")), CASES, QUESTIONS);
        assertEquals(List.of(3, 4, 5), problems.stream().map(FieldError::line).toList());
        assertEquals(List.of("case_ref", "question_id", "answer"), problems.stream().map(FieldError::field).toList());
        assertTrue(problems.get(0).message().contains("NEW-404"));
        assertTrue(problems.get(1).message().contains("2.2.9"));
        assertTrue(problems.get(2).message().contains("MAYBE"));
    }

    @Test
    void aQuestionAnsweredTwiceInOneBatchIsAProblem() {
        List<FieldError> problems = AnswerRules.problems(List.of(new AnswerInput(null, 0, "NEW-001", "2.2.1", "YES"),
                new AnswerInput(null, 1, "NEW-001", "2.2.1", "NO")), CASES, QUESTIONS);
        assertEquals(List.of("[1].questionId"), problems.stream().map(FieldError::field).toList());
        assertTrue(problems.get(0).message().contains("[0]"));
    }

    @Test
    void missingFieldsAndEmptyBatches() {
        assertEquals(List.of("[0].caseRef", "[0].questionId", "[0].answer"), AnswerRules
                .problems(List.of(new AnswerInput(null, 0, null, "", null)), CASES, QUESTIONS).stream()
                .map(FieldError::field).toList());
        assertEquals(1, AnswerRules.problems(List.of(), CASES, QUESTIONS).size());
    }
}
