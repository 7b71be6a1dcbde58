package uk.probation.inspection.feedback.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.TeamMemberRemoved;
import uk.probation.inspection.platform.consume.Received;

/** A member who left reads nothing of the inspection from now on (a lost removal would leave access in place). */
@ApplicationScoped
public class TeamMemberRemovedHandler implements FeedbackEventHandler<TeamMemberRemoved> {

    @Inject
    KnownInspections inspections;

    @Override
    public Class<TeamMemberRemoved> type() {
        return TeamMemberRemoved.class;
    }

    @Override
    public void apply(Received<TeamMemberRemoved> received) {
        inspections.memberRemoved(received.event().inspectionId().toString(), received.event().username());
    }
}
