package uk.probation.inspection.rating.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.TeamMemberBound;
import uk.probation.inspection.platform.consume.Received;

/** From now on only tokens with this sub are that member: the name alone no longer reads live figures. */
@ApplicationScoped
public class TeamMemberBoundHandler implements CaseEventHandler<TeamMemberBound> {

    @Inject
    Jdbc jdbc;

    @Override
    public Class<TeamMemberBound> type() {
        return TeamMemberBound.class;
    }

    @Override
    public void apply(List<Received<TeamMemberBound>> run, boolean announce, ApplyContext context) {
        for (Received<TeamMemberBound> received : run) {
            TeamMemberBound e = received.event();
            jdbc.update("update team_member set subject = ? where inspection_id = ? and username = ?", e.subject(),
                    e.inspectionId(), e.username());
        }
    }
}
