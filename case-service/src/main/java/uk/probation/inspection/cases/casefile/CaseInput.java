package uk.probation.inspection.cases.casefile;

/**
 * One case as received (JSON object or CSV row), fields still as text so that every bad field can be named.
 * {@code line} is the CSV line, or null for JSON; {@code index} the position in a JSON array, or null.
 */
public record CaseInput(Integer line, Integer index, String caseRef, String cohort, String sentenceType,
        String youngAdult, String gender, String ethnicity, String roshLevel, String startDate) {
}
