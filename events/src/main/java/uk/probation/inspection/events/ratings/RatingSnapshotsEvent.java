package uk.probation.inspection.events.ratings;

/** {@code inspection-ratings} (compacted, internal): the latest live ratings of each inspection. */
public sealed interface RatingSnapshotsEvent permits RatingSnapshot {
}
