package uk.probation.inspection.events.ratings;

/** {@code published-ratings} (compacted): the topic outside dashboards read; nothing unpublished ever appears. */
public sealed interface PublishedRatingsEvent permits RatingPublished {
}
