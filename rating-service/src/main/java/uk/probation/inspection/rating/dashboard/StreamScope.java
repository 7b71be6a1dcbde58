package uk.probation.inspection.rating.dashboard;

import java.util.List;

import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.projection.RatingsQuery.Header;

/**
 * The caller of a live stream, captured when it connects (the request scope ends, the stream goes on): the same
 * rules as {@code InspectionAccess}: team members read their inspections, viewers published ones of their regions.
 */
public record StreamScope(String username, boolean teamRole, boolean viewer, List<String> regions) {

    public static StreamScope of(Caller caller) {
        return new StreamScope(caller.username(),
                caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR),
                caller.hasRole(Caller.VIEWER), List.copyOf(caller.regions()));
    }

    public boolean seesRegion(String region) {
        return regions.contains("*") || regions.stream().anyMatch(r -> r.equalsIgnoreCase(region));
    }

    public boolean mayListRegion(String region) {
        return teamRole || seesRegion(region);
    }

    /** @param onTeam whether the caller is on the inspection's team (asked only when it matters) */
    public boolean mayRead(Header header, java.util.function.BooleanSupplier onTeam) {
        if (teamRole && onTeam.getAsBoolean()) {
            return true;
        }
        return viewer && header.published() && seesRegion(header.region());
    }
}
