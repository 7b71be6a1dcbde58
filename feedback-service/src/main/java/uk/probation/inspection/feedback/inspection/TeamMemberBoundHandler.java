package uk.probation.inspection.feedback.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.TeamMemberBound;
import uk.probation.inspection.platform.consume.Received;

/** From now on only tokens with this sub are that member: the name alone no longer reads the team's figures. */
@ApplicationScoped
public class TeamMemberBoundHandler implements FeedbackEventHandler<TeamMemberBound> {

    @Inject
    KnownInspections inspections;

    @Override
    public Class<TeamMemberBound> type() {
        return TeamMemberBound.class;
    }

    @Override
    public void apply(Received<TeamMemberBound> received) {
        TeamMemberBound e = received.event();
        inspections.memberBound(e.inspectionId().toString(), e.username(), e.subject());
    }
}
