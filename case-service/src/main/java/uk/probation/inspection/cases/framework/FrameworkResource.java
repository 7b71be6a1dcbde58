package uk.probation.inspection.cases.framework;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/** Standards frameworks: read by everyone with a role here, registered by admins. */
@Path("/frameworks")
@Produces(MediaType.APPLICATION_JSON)
public class FrameworkResource {

    @Inject
    FrameworkCatalog catalog;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.ADMIN, Caller.VIEWER })
    public List<Framework> list() {
        return catalog.all();
    }

    @GET
    @Path("/{frameworkId}")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.ADMIN, Caller.VIEWER })
    public Framework get(@PathParam("frameworkId") String id) {
        return catalog.find(id).orElseThrow(() -> ProblemException.notFound("No framework '" + id + "'"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Response register(Framework framework) {
        Framework registered = catalog.register(framework, caller.username());
        return Response.created(URI.create("/frameworks/" + registered.id())).entity(registered).build();
    }

    @PUT
    @Path("/{frameworkId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Framework replace(@PathParam("frameworkId") String id, Framework framework) {
        return catalog.replace(id, framework);
    }
}
