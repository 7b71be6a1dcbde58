package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.probation.inspection.events.EventType;

/** {@code POST /inspections}: the whole framework travels with it, so no consumer ever calls case-service. */
@EventType("inspection.opened")
public record InspectionOpened(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String region,
        @JsonProperty(required = true) String pdu,
        @JsonProperty(required = true) String frameworkId,
        @JsonProperty(required = true) String fieldworkStart,
        @JsonProperty(required = true) String sampleFrom,
        @JsonProperty(required = true) String sampleTo,
        @JsonProperty(required = true) String openedBy,
        @JsonProperty(required = true) ObjectNode framework)
        implements CaseEvent {
}
