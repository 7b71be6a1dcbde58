package uk.probation.inspection.feedback.template;

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
public class SurveyTemplateResource {

    private static final Logger AUDIT = Logger.getLogger("audit");

    @Inject
    SurveyTemplates templates;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Caller.ADMIN, Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.SURVEY_INGEST })
    public List<SurveyTemplate> list() {
        return templates.all();
    }

    @GET
    @Path("/{templateId}")
    @RolesAllowed({ Caller.ADMIN, Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.SURVEY_INGEST })
    public SurveyTemplate get(@PathParam("templateId") String templateId) {
        return templates.find(templateId)
                .orElseThrow(() -> ProblemException.notFound("No survey template " + templateId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Response register(SurveyTemplate template) {
        SurveyTemplate registered = templates.register(template, caller.username());
        AUDIT.infof("user=%s action=register-survey-template template=%s", caller.username(), registered.id());
        return Response.created(URI.create("/survey-templates/" + registered.id())).entity(registered).build();
    }
}
