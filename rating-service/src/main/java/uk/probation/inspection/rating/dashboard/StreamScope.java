package uk.probation.inspection.rating.dashboard;

import java.time.Instant;
import java.util.List;

import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.projection.RatingsQuery.Header;

/**
 * The caller of a live stream, captured when it connects (the request scope ends, the stream goes on): the same
 * rules as {@code InspectionAccess}: team members read their inspections live, viewers the publications of their
 * regions. The stream ends when the token it was opened with expires ({@code expiresAt}).
 */
public record StreamScope(String username, boolean teamRole, boolean viewer, List<String> regions, Instant expiresAt) {

    public static StreamScope of(Caller caller, Instant expiresAt) {
        return new StreamScope(caller.username(),
                caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR),
                caller.hasRole(Caller.VIEWER), List.copyOf(caller.regions()), expiresAt);
    }

    public boolean seesRegion(String region) {
        return regions.contains("*") || regions.stream().anyMatch(r -> r.equalsIgnoreCase(region));
    }

    public boolean mayListRegion(String region) {
        return teamRole || seesRegion(region);
    }

    /** Whether the caller reads this inspection live, as a member of its team (asked only when it matters). */
    public boolean readsLive(java.util.function.BooleanSupplier onTeam) {
        return teamRole && onTeam.getAsBoolean();
    }

    /** Whether the caller reads this inspection's publication, as a viewer of its region. */
    public boolean readsPublication(Header header) {
        return viewer && header.published() && seesRegion(header.region());
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
