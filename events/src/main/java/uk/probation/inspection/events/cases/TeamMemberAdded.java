package uk.probation.inspection.events.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * A member joined the team, or a member's role changed (consumers keep the latest). {@code role}: LEAD or INSPECTOR.
 * {@code subject}: the member's token {@code sub} once known (the opener at once; others from their first use, see
 * {@link TeamMemberBound}); null until then.
 */
@EventType("team.member.added")
public record TeamMemberAdded(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) String username,
        @JsonProperty(required = true) String role,
        String subject)
        implements CaseEvent {
}
