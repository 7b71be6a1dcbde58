package uk.probation.inspection.feedback.inspection;

import java.util.Map;

/** What this service knows of an inspection, learnt from case-events: its region, team and publication. */
public record KnownInspection(String id, String region, boolean published, Map<String, String> team) {

    public boolean onTeam(String username) {
        return username != null && team.containsKey(username);
    }
}
