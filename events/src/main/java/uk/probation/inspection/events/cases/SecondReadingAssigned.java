package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/** A case was given to {@code reader} for a blind second reading (quality assurance); ratings do not change. */
@EventType("second.reading.assigned")
public record SecondReadingAssigned(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String caseRef,
        @JsonProperty(required = true) String reader,
        @JsonProperty(required = true) String assignedBy)
        implements CaseEvent {
}
