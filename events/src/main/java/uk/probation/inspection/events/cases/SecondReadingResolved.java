package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * A disagreement between the first and the second reading was resolved: the first answer {@code KEPT} or
 * {@code CHANGED} (to {@code answer}; the change itself is an ordinary {@code answer.recorded} just before), with
 * the reason.
 */
@EventType("second.reading.resolved")
public record SecondReadingResolved(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String caseRef,
        @JsonProperty(required = true) String questionId,
        @JsonProperty(required = true) String firstAnswer,
        @JsonProperty(required = true) String secondAnswer,
        @JsonProperty(required = true) String outcome,
        @JsonProperty(required = true) String answer,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) String resolvedBy)
        implements CaseEvent {
}
