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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import uk.probation.inspection.platform.security.Caller;

/** Inspections: opened by a lead inspector, read by their team and (once published) by region viewers. */
@Path("/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections", description = "Inspections: opened by a lead inspector, read by their team and, once published, by region viewers")
public class InspectionResource {

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

    /** Admins hold no case data and are on no team: they see an empty list. */
    @GET
    @Transactional
    @Operation(operationId = "listInspections", summary = "The inspections the caller may see, optionally of one region")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER, Caller.ADMIN })
    public List<InspectionView> list(@Parameter(description = "Only inspections of this region", example = "London")
            @QueryParam("region") String region) {
        return service.visible(region).stream().map(access::view).toList();
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
