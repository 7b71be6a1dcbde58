package uk.probation.inspection.cases.inspection;

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
public class InspectionResource {

    @Inject
    InspectionService service;

    @Inject
    InspectionAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response open(OpenInspection request) {
        Inspection inspection = service.open(request);
        return Response.created(URI.create("/inspections/" + inspection.id)).entity(InspectionView.of(inspection, java.util.Optional.empty(), true))
                .build();
    }

    /** Admins hold no case data and are on no team: they see an empty list. */
    @GET
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER, Caller.ADMIN })
    public List<InspectionView> list(@QueryParam("region") String region) {
        return service.visible(region).stream().map(access::view).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER, Caller.ADMIN })
    public InspectionView get(@PathParam("id") String id) {
        return access.view(access.readable(id));
    }
}
