package uk.probation.inspection.feedback.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.TeamMemberAdded;
import uk.probation.inspection.platform.consume.Received;

/** The team reads live figures and free-text comments; a changed role arrives as another added. */
@ApplicationScoped
public class TeamMemberAddedHandler implements FeedbackEventHandler<TeamMemberAdded> {

    @Inject
    KnownInspections inspections;

    @Override
    public Class<TeamMemberAdded> type() {
        return TeamMemberAdded.class;
    }

    @Override
    public void apply(Received<TeamMemberAdded> received) {
        TeamMemberAdded e = received.event();
        inspections.memberAdded(e.inspectionId().toString(), e.username(), e.role(), e.subject());
    }
}
