package uk.probation.inspection.feedback.template;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/** Survey templates: questions, their types and options. */
@Path("/survey-templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey templates", description = "Survey templates: questions, their types and options")
public class SurveyTemplateResource {

    private static final Logger AUDIT = Logger.getLogger("audit");

    @Inject
    SurveyTemplates templates;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listSurveyTemplates", summary = "Every survey template")
    @RolesAllowed({ Caller.ADMIN, Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.SURVEY_INGEST })
    public List<SurveyTemplate> list() {
        return templates.all();
    }

    @GET
    @Path("/{templateId}")
    @Operation(operationId = "getSurveyTemplate", summary = "One survey template")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such template")
    @RolesAllowed({ Caller.ADMIN, Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.SURVEY_INGEST })
    public SurveyTemplate get(@PathParam("templateId") String templateId) {
        return templates.find(templateId)
                .orElseThrow(() -> ProblemException.notFound("No survey template " + templateId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerSurveyTemplate", summary = "Register a survey template (admin)")
    @APIResponse(responseCode = "201", description = "Registered; Location is the template's URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyTemplate.class)))
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = "A template with this id exists")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "The template breaks a rule (every problem listed)")
    @RolesAllowed(Caller.ADMIN)
    public Response register(SurveyTemplate template) {
        SurveyTemplate registered = templates.register(template, caller.username());
        AUDIT.infof("user=%s action=register-survey-template template=%s", caller.username(), registered.id());
        return Response.created(URI.create("/survey-templates/" + registered.id())).entity(registered).build();
    }
}
