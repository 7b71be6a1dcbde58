package uk.probation.inspection.cases.publication;

/** The optional body of {@code POST /inspections/{id}/publish}: {@code at}, the embargo lift time. */
public record PublishRequest(String at) {
}
