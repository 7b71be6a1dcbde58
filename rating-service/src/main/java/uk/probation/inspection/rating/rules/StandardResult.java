package uk.probation.inspection.rating.rules;

/** A standard's rating and, when the standard has relevant cases, its lowest key-question percentage. */
public record StandardResult(Rating rating, Integer lowestKeyQuestion) {
}
