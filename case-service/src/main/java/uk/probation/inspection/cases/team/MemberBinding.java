package uk.probation.inspection.cases.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.events.cases.TeamMemberBound;

/**
 * A member added by name is bound to the {@code sub} of the first token that uses the inspection under that name;
 * from then on the name alone is not enough (a later account of the same name is not that member). Announced as
 * {@code team.member.bound}, so the other services key membership on the same sub.
 */
@ApplicationScoped
public class MemberBinding {

    @Inject
    CaseEvents events;

    /** @return whether {@code member} is the caller with {@code subject} (bound now if it was not yet) */
    @Transactional
    public boolean bind(TeamMember member, String subject) {
        if (member.subject != null) {
            return member.subject.equals(subject);
        }
        // The inspection's row lock orders the event after every other of the inspection (outbox order rule).
        Inspection.findById(member.inspectionId, LockModeType.PESSIMISTIC_WRITE);
        int bound = TeamMember.update("subject = ?1 where inspectionId = ?2 and username = ?3 and subject is null",
                subject, member.inspectionId, member.username);
        if (bound == 0) {
            // someone bound it meanwhile: read who
            String current = TeamMember.find(member.inspectionId, member.username).map(m -> m.subject).orElse(null);
            return subject.equals(current);
        }
        member.subject = subject;
        events.append(new TeamMemberBound(member.inspectionId, member.username, subject));
        return true;
    }
}
