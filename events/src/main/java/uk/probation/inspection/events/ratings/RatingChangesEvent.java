package uk.probation.inspection.events.ratings;

/** {@code rating-changes} (internal): a standard's or the overall rating moved. */
public sealed interface RatingChangesEvent permits RatingChanged {
}
