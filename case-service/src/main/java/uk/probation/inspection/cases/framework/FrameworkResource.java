package uk.probation.inspection.cases.framework;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
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
@Tag(name = "Frameworks", description = "Standards frameworks: domains, standards, key questions, prompts and rating rules")
public class FrameworkResource {

    @Inject
    FrameworkCatalog catalog;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listFrameworks", summary = "Every standards framework")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.ADMIN, Caller.VIEWER })
    public List<Framework> list() {
        return catalog.all();
    }

    @GET
    @Path("/{frameworkId}")
    @Operation(operationId = "getFramework", summary = "One standards framework")
    @APIResponse(responseCode = "200", description = "The framework")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such framework")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.ADMIN, Caller.VIEWER })
    public Framework get(@PathParam("frameworkId") String id) {
        return catalog.find(id).orElseThrow(() -> ProblemException.notFound("No framework '" + id + "'"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerFramework", summary = "Register a new framework (admin)")
    @APIResponse(responseCode = "201", description = "Registered; Location is the framework's URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Framework.class)))
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = "A framework with this id exists")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "The framework breaks a rule (every problem listed) or is too large")
    @RolesAllowed(Caller.ADMIN)
    public Response register(Framework framework) {
        Framework registered = catalog.register(framework, caller.username());
        return Response.created(URI.create("/frameworks/" + registered.id())).entity(registered).build();
    }

    @PUT
    @Path("/{frameworkId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceFramework", summary = "Replace a registered framework no inspection uses yet (admin)")
    @APIResponse(responseCode = "200", description = "The framework as replaced")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such framework")
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = "The framework is built in or used by an inspection")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "The framework breaks a rule, or its id is not the one in the path")
    @RolesAllowed(Caller.ADMIN)
    public Framework replace(@PathParam("frameworkId") String id, Framework framework) {
        return catalog.replace(id, framework);
    }
}
