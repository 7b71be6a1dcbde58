package uk.probation.inspection.rating.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.projection.RatingsQuery;
import uk.probation.inspection.rating.projection.RatingsViews.RegionRow;

/** One row per inspection of a region that the caller may read. */
@Path("/regions/{region}/ratings")
@Produces(MediaType.APPLICATION_JSON)
public class RegionRatingsResource {

    @Inject
    InspectionAccess access;

    @Inject
    RatingsQuery query;

    @Inject
    InspectionReads reads;

    @GET
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public List<RegionRow> ratings(@PathParam("region") String region) {
        if (!access.mayListRegion(region)) {
            throw ProblemException.notFound("No region " + region);
        }
        return query.inRegion(region).stream().flatMap(h -> access.readable(h).stream()).map(reads::regionRow).toList();
    }
}
