package uk.probation.inspection.events.cases;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/** The inspection's recommendations, as a whole, in their numbered order; versioned like answers. */
@EventType("recommendations.recorded")
public record RecommendationsRecorded(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) List<Recommendation> recommendations,
        @JsonProperty(required = true) String recordedBy)
        implements CaseEvent {

    /** Number n is the n-th of the list; {@code addressee} is free text ("Newham PDU", "London region", "HMPPS"). */
    public record Recommendation(@JsonProperty(required = true) String addressee,
            @JsonProperty(required = true) String text) {
    }
}
