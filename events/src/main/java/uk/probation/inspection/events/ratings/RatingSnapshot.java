package uk.probation.inspection.events.ratings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import uk.probation.inspection.events.EventType;

/** The full current ratings of one inspection; coalesced, the last one always the latest state. */
@EventType("rating.snapshot")
public record RatingSnapshot(@JsonValue InspectionRatings ratings) implements RatingSnapshotsEvent {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RatingSnapshot of(InspectionRatings ratings) {
        return new RatingSnapshot(ratings);
    }
}
