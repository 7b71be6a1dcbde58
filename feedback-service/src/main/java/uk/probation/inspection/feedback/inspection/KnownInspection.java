package uk.probation.inspection.feedback.inspection;

import java.util.Map;

/**
 * What this service knows of an inspection, learnt from case-events: its region, team, whether it is frozen
 * (published or scheduled: no survey response is accepted until it is reopened) and its framework's
 * small-number threshold (null when the framework sets none).
 */
public record KnownInspection(String id, String region, boolean frozen, Integer smallNumberThreshold,
        Map<String, String> team) {

    public boolean onTeam(String username) {
        return username != null && team.containsKey(username);
    }
}
