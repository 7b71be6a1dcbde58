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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

import uk.probation.inspection.platform.paging.Page;
import uk.probation.inspection.platform.paging.PageRequest;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.projection.RatingsQuery;
import uk.probation.inspection.rating.projection.RatingsViews.RegionRow;

/** One row per inspection of a region that the caller may read. */
@Path("/regions/{region}/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Every inspection of a region the caller may read, with its ratings")
public class RegionRatingsResource {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;

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
    public RestResponse<List<RegionRow>> ratings(@PathParam("region") String region,
            @Parameter(description = "Where the page starts: the cursor of the previous page's Link rel=\"next\"")
            @QueryParam(PageRequest.CURSOR) String cursor,
            @Parameter(description = "Inspections per page, 1 to " + MAX_PAGE + " (default " + DEFAULT_PAGE + ")")
            @QueryParam(PageRequest.SIZE) String size,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(cursor, size, DEFAULT_PAGE, MAX_PAGE, 2);
        if (!access.mayListRegion(region)) {
            throw ProblemException.notFound("No region " + region);
        }
        if (!page.first()) {
            uuid(page.after().get(1));
        }
        // By name then id; rows the caller may not read are skipped (a viewer sees published ones, as their snapshot).
        return Page.collect(page, (after, limit) -> query.inRegion(region, after, limit),
                h -> List.of(h.name(), h.id().toString()), h -> access.readable(h).map(reads::regionRow))
                .toResponse(uri);
    }

    private static void uuid(String field) {
        try {
            java.util.UUID.fromString(field);
        } catch (IllegalArgumentException e) {
            throw PageRequest.badCursor();
        }
    }
}
