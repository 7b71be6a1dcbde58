package uk.probation.inspection.events.ratings;

import uk.probation.inspection.events.EventType;

/**
 * A standard's (or, with {@code standardId = "overall"}, the inspection's) rating moved. {@code score}/{@code maxScore}
 * are the inspection's overall points after the change; {@code lowestKeyQuestion} is the standard's lowest
 * key-question percentage (null for judgements and the overall).
 */
@EventType("rating.changed")
public record RatingChanged(String inspectionId, String standardId, String from, String to, int score, int maxScore,
        Integer lowestKeyQuestion) implements RatingChangesEvent {

    public static final String OVERALL = "overall";
}
