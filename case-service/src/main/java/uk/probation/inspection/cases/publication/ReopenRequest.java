package uk.probation.inspection.cases.publication;

/** The body of {@code POST /inspections/{id}/reopen}. */
public record ReopenRequest(String reason) {
}
