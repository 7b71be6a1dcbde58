package uk.probation.inspection.cases.inspection;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

import uk.probation.inspection.platform.paging.PageRequest;
import uk.probation.inspection.platform.security.Caller;

/** Inspections: opened by a lead inspector, read by their team and (once published) by region viewers. */
@Path("/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections", description = "Inspections: opened by a lead inspector, read by their team and, once published, by region viewers")
public class InspectionResource {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;

    @Inject
    InspectionService service;

    @Inject
    InspectionAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openInspection", summary = "Open an inspection; the caller becomes its lead")
    @APIResponse(responseCode = "201", description = "Opened; Location is the inspection's URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "A field is missing or breaks a rule (every one listed), or the framework is unknown")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response open(OpenInspection request) {
        Inspection inspection = service.open(request);
        return Response.created(URI.create("/inspections/" + inspection.id)).entity(InspectionView.of(inspection, java.util.Optional.empty(), true))
                .build();
    }

    /**
     * Admins hold no case data and are on no team: they see an empty list. Newest first, in pages
     * ({@value #DEFAULT_PAGE} by default, at most {@value #MAX_PAGE}); {@code Link: rel="next"} while more follow.
     */
    @GET
    @Transactional
    @Operation(operationId = "listInspections", summary = "The inspections the caller may see, optionally of one region")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER, Caller.ADMIN })
    public RestResponse<List<InspectionView>> list(@Parameter(description = "Only inspections of this region", example = "London")
            @QueryParam("region") String region,
            @Parameter(description = "Where the page starts: the cursor of the previous page's Link rel=\"next\"")
            @QueryParam(PageRequest.CURSOR) String cursor,
            @Parameter(description = "Inspections per page, 1 to " + MAX_PAGE + " (default " + DEFAULT_PAGE + ")")
            @QueryParam(PageRequest.SIZE) String size,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(cursor, size, DEFAULT_PAGE, MAX_PAGE, 2);
        return service.visible(region, page).map(access::view).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getInspection", summary = "One inspection's metadata (never case data)")
    @APIResponse(responseCode = "200", description = "The inspection")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER, Caller.ADMIN })
    public InspectionView get(@PathParam("id") String id) {
        return access.view(access.readable(id));
    }
}
