package uk.probation.inspection.rating.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
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
@Tag(name = "Regions", description = "Every inspection of a region the caller may read, with its ratings")
public class RegionRatingsResource {

    @Inject
    InspectionAccess access;

    @Inject
    RatingsQuery query;

    @Inject
    InspectionReads reads;

    @GET
    @Operation(operationId = "listRegionRatings", summary = "One row per inspection of the region that the caller may read")
    @APIResponse(responseCode = "200", description = "The rows (viewers: published inspections only, their published figures)")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "A region outside the viewer's region claim")
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public List<RegionRow> ratings(@PathParam("region") String region) {
        if (!access.mayListRegion(region)) {
            throw ProblemException.notFound("No region " + region);
        }
        return query.inRegion(region).stream().flatMap(h -> access.readable(h).stream()).map(reads::regionRow).toList();
    }
}
