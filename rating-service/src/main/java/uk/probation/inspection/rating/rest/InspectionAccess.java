package uk.probation.inspection.rating.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.projection.RatingsQuery;
import uk.probation.inspection.rating.projection.RatingsQuery.Header;

/**
 * Who may read an inspection's ratings: its team (learned from team events), and viewers once it is published
 * and in one of their regions. Anything else is 404, so the inspection's existence does not leak.
 */
@ApplicationScoped
public class InspectionAccess {

    @Inject
    Caller caller;

    @Inject
    RatingsQuery query;

    public Header readable(String inspectionId) {
        UUID id;
        try {
            id = UUID.fromString(inspectionId);
        } catch (IllegalArgumentException e) {
            throw notFound(inspectionId);
        }
        Header header = query.header(id).orElseThrow(() -> notFound(inspectionId));
        if (!mayRead(header)) {
            throw notFound(inspectionId);
        }
        return header;
    }

    public boolean mayRead(Header header) {
        boolean teamRole = caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR);
        if (teamRole && query.onTeam(header.id(), caller.username())) {
            return true;
        }
        return caller.hasRole(Caller.VIEWER) && header.published() && caller.seesRegion(header.region());
    }

    /** True when the caller can see some inspection of the region (a viewer needs the region in its claim). */
    public boolean mayListRegion(String region) {
        return caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR) || caller.seesRegion(region);
    }

    private static ProblemException notFound(String inspectionId) {
        return ProblemException.notFound("No inspection " + inspectionId);
    }
}
