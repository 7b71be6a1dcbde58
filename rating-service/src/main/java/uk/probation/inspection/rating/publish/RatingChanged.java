package uk.probation.inspection.rating.publish;

/**
 * {@code rating.changed}: a standard's (or, with {@code standardId = "overall"}, the inspection's) rating moved.
 * {@code score}/{@code maxScore} are the inspection's overall points after the change; {@code lowestKeyQuestion}
 * is the standard's lowest key-question percentage (null for judgements and the overall).
 */
public record RatingChanged(String inspectionId, String standardId, String from, String to, int score, int maxScore,
        Integer lowestKeyQuestion) {

    public static final String OVERALL = "overall";
}
