package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/** A judgement of a judgement-rated standard is new or changed, versioned like answers. */
@EventType("judgement.recorded")
public record JudgementRecorded(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String standardId,
        @JsonProperty(required = true) String rating,
        @JsonProperty(required = true) String previousRating,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String rationale,
        @JsonProperty(required = true) String recordedBy)
        implements CaseEvent {
}
