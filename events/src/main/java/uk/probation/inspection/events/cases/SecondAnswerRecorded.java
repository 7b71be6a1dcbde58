package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * A second reader's answer to a key question of a case (blind to the first answer). Never part of the ratings:
 * consumers that rate ignore it. {@code version} as for {@code answer.recorded}.
 */
@EventType("second.answer.recorded")
public record SecondAnswerRecorded(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String caseRef,
        @JsonProperty(required = true) String questionId,
        @JsonProperty(required = true) String answer,
        @JsonProperty(required = true) String previousAnswer,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String reader)
        implements CaseEvent {
}
