package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/** A sampled case: its reference and the attributes breakdowns use, never a name. */
@EventType("case.registered")
public record CaseRegistered(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String caseRef,
        @JsonProperty(required = true) String cohort,
        @JsonProperty(required = true) String sentenceType,
        @JsonProperty(required = true) boolean youngAdult,
        @JsonProperty(required = true) String gender,
        @JsonProperty(required = true) String ethnicity,
        @JsonProperty(required = true) String roshLevel,
        @JsonProperty(required = true) String startDate)
        implements CaseEvent {
}
