package uk.probation.inspection.events.ratings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import uk.probation.inspection.events.EventType;

/** The published ratings of one publication version, written once it is visible. */
@EventType("rating.published")
public record RatingPublished(@JsonValue InspectionRatings ratings) implements PublishedRatingsEvent {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RatingPublished of(InspectionRatings ratings) {
        return new RatingPublished(ratings);
    }
}
