package uk.probation.inspection.rating.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.TeamMemberAdded;
import uk.probation.inspection.platform.consume.Received;

/** Who may read an inspection's live figures; a changed role arrives as another added (the latest wins). */
@ApplicationScoped
public class TeamMemberAddedHandler implements CaseEventHandler<TeamMemberAdded> {

    @Inject
    Jdbc jdbc;

    @Override
    public Class<TeamMemberAdded> type() {
        return TeamMemberAdded.class;
    }

    @Override
    public void apply(List<Received<TeamMemberAdded>> run, boolean announce, ApplyContext context) {
        for (Received<TeamMemberAdded> received : run) {
            TeamMemberAdded e = received.event();
            jdbc.update("""
                    insert into team_member (inspection_id, username, role, subject) values (?, ?, ?, ?)
                    on conflict (inspection_id, username) do update set role = excluded.role,
                        subject = coalesce(excluded.subject, team_member.subject)""",
                    e.inspectionId(), e.username(), e.role(), e.subject());
        }
    }
}
