package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * An answer is new or changed. {@code previousAnswer} is null for a first answer; {@code version} starts at 1 and
 * grows by one per change of that (case, question), so a consumer recognises a stale one.
 */
@EventType("answer.recorded")
public record AnswerRecorded(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String caseRef,
        @JsonProperty(required = true) String questionId,
        @JsonProperty(required = true) String answer,
        @JsonProperty(required = true) String previousAnswer,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String recordedBy)
        implements CaseEvent {
}
