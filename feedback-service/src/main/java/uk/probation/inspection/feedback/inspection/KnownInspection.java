package uk.probation.inspection.feedback.inspection;

import java.util.Map;

/**
 * What this service knows of an inspection, learnt from case-events: its region, team, whether it is frozen
 * (published or scheduled: no survey response is accepted until it is reopened) and its framework's
 * small-number threshold (null when the framework sets none).
 */
public record KnownInspection(String id, String region, boolean frozen, Integer smallNumberThreshold,
        Map<String, Member> team) {

    /** A team member's role and, once bound, their token's sub. */
    public record Member(String role, String subject) {
    }

    /** On the team: the name, and the token's sub once the member is bound to one (the name is not trusted). */
    public boolean onTeam(String username, String subject) {
        Member member = username == null ? null : team.get(username);
        return member != null && (member.subject() == null || member.subject().equals(subject));
    }
}
