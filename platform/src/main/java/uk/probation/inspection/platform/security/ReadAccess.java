package uk.probation.inspection.platform.security;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Who may read an inspection, and which figures: the one rule every service and the live stream apply. Its team
 * (a lead or an inspector on it) reads live figures; a viewer of its region reads its latest visible publication,
 * once there is one; everyone else, nothing (404, so its existence does not leak).
 *
 * @param subject the token's {@code sub} (team membership is keyed on it)
 * @param teamRole the caller has the lead-inspector or inspector role
 * @param viewer the caller has the viewer role
 * @param regions the caller's {@code region} claim ({@code *}: every region)
 */
public record ReadAccess(String username, String subject, boolean teamRole, boolean viewer, List<String> regions) {

    /** How an inspection is read. */
    public enum Reading {
        /** As its team: live, provisional figures. */
        LIVE,
        /** As a viewer: the latest visible publication. */
        PUBLISHED,
        /** Not at all. */
        NONE
    }

    public static ReadAccess of(Caller caller) {
        return new ReadAccess(caller.username(), caller.subject(),
                caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR),
                caller.hasRole(Caller.VIEWER), List.copyOf(caller.regions()));
    }

    /**
     * @param onTeam whether the caller is on the inspection's team (asked only for a team role)
     * @param published whether a publication of it is visible now (asked only for a viewer of its region)
     */
    public Reading reading(String region, BooleanSupplier onTeam, BooleanSupplier published) {
        if (teamRole && onTeam.getAsBoolean()) {
            return Reading.LIVE;
        }
        if (viewer && seesRegion(region) && published.getAsBoolean()) {
            return Reading.PUBLISHED;
        }
        return Reading.NONE;
    }

    public boolean seesRegion(String region) {
        return regions.contains("*") || regions.stream().anyMatch(r -> r.equalsIgnoreCase(region));
    }

    /** True when the caller could see some inspection of the region: a team role, or the region in its claim. */
    public boolean mayListRegion(String region) {
        return teamRole || seesRegion(region);
    }
}
