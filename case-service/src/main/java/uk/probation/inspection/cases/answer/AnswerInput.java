package uk.probation.inspection.cases.answer;

/** One answer of a batch as received; {@code line} for CSV, {@code index} for a JSON array. */
public record AnswerInput(Integer line, Integer index, String caseRef, String questionId, String answer) {
}
