package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * A member added by name first used the inspection: from now on only tokens with this {@code sub} are that member
 * (the name is shown, not trusted; a later account with the same name is not on the team).
 */
@EventType("team.member.bound")
public record TeamMemberBound(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String username,
        @JsonProperty(required = true) String subject)
        implements CaseEvent {
}
