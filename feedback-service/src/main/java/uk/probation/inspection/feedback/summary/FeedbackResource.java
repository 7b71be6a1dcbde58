package uk.probation.inspection.feedback.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.probation.inspection.feedback.ingest.ResponseStore;
import uk.probation.inspection.feedback.inspection.InspectionAccess;
import uk.probation.inspection.feedback.template.SurveyTemplate;
import uk.probation.inspection.feedback.template.SurveyTemplates;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/** Feedback summaries and breakdowns for readers; free text for the inspection team only. */
@Path("/inspections/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    static final String DEFAULT_TEMPLATE = "user-voice-2022";

    @Inject
    InspectionAccess access;

    @Inject
    SurveyTemplates templates;

    @Inject
    ResponseStore store;

    @ConfigProperty(name = "pip.feedback.suppression-threshold", defaultValue = "5")
    int suppressionThreshold;

    /**
     * The summary, or with {@code by} (channel or a demographic such as gender) each question's figures per
     * group; viewers get small numbers suppressed in breakdowns.
     */
    @GET
    @RolesAllowed({ Caller.VIEWER, Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Map<String, Object> summary(@PathParam("id") String inspectionId, @QueryParam("by") String by,
            @QueryParam("template") @DefaultValue(DEFAULT_TEMPLATE) String templateId) {
        InspectionAccess.Audience audience = access.reader(inspectionId);
        SurveyTemplate template = template(templateId);
        FeedbackSummariser summariser = new FeedbackSummariser(template);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("inspectionId", inspectionId);
        if (by == null) {
            result.putAll(summariser.summary(store.closedAnswers(inspectionId, template.id())));
            return result;
        }
        if (!template.breakdownColumns().contains(by)) {
            throw ProblemException.badRequest("by must be one of " + template.breakdownColumns());
        }
        Suppression suppression = audience == InspectionAccess.Audience.TEAM ? Suppression.none()
                : new Suppression(suppressionThreshold);
        result.putAll(summariser.breakdown(store.closedAnswers(inspectionId, template.id()), by, suppression));
        return result;
    }

    /** Free-text answers: personal data, for the inspection team only. */
    @GET
    @Path("/comments")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Map<String, Object> comments(@PathParam("id") String inspectionId,
            @QueryParam("template") @DefaultValue(DEFAULT_TEMPLATE) String templateId) {
        access.team(inspectionId);
        SurveyTemplate template = template(templateId);
        List<ResponseStore.FreeText> texts = store.freeText(inspectionId, template.id());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("inspectionId", inspectionId);
        result.put("templateId", template.id());
        result.put("comments", texts);
        return result;
    }

    private SurveyTemplate template(String templateId) {
        return templates.find(templateId)
                .orElseThrow(() -> ProblemException.notFound("No survey template " + templateId));
    }
}
