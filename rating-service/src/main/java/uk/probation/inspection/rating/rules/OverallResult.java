package uk.probation.inspection.rating.rules;

/** The inspection's overall rating: points summed over the rated standards, out of their maximum. */
public record OverallResult(Rating rating, int score, int maxScore) {

    public static final OverallResult NONE_RATED = new OverallResult(Rating.NOT_RATED, 0, 0);
}
