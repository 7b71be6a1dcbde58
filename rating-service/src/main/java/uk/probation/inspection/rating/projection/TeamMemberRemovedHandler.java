package uk.probation.inspection.rating.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.TeamMemberRemoved;
import uk.probation.inspection.platform.consume.Received;

/** A member who left reads nothing of the inspection from now on. */
@ApplicationScoped
public class TeamMemberRemovedHandler implements CaseEventHandler<TeamMemberRemoved> {

    @Inject
    Jdbc jdbc;

    @Override
    public Class<TeamMemberRemoved> type() {
        return TeamMemberRemoved.class;
    }

    @Override
    public void apply(List<Received<TeamMemberRemoved>> run, boolean announce, ApplyContext context) {
        for (Received<TeamMemberRemoved> received : run) {
            jdbc.update("delete from team_member where inspection_id = ? and username = ?",
                    received.event().inspectionId(), received.event().username());
        }
    }
}
