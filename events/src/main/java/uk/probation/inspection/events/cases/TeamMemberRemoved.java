package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/** A member left the team: from now on they may read nothing of the inspection. */
@EventType("team.member.removed")
public record TeamMemberRemoved(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String username)
        implements CaseEvent {
}
