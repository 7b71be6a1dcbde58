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
import uk.probation.inspection.feedback.ingest.StoredResponse;
import uk.probation.inspection.feedback.inspection.InspectionAccess;
import uk.probation.inspection.feedback.inspection.KnownInspection;
import uk.probation.inspection.feedback.publication.Publication;
import uk.probation.inspection.feedback.publication.Publications;
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

    @Inject
    Publications publications;

    @ConfigProperty(name = "pip.feedback.suppression-threshold", defaultValue = "5")
    int suppressionThreshold;

    /**
     * The summary, or with {@code by} (channel or a demographic such as gender) each question's figures per
     * group. The team reads live answers, every number; viewers read the latest visible publication's answers,
     * with small numbers and their complements withheld.
     */
    @GET
    @RolesAllowed({ Caller.VIEWER, Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Map<String, Object> summary(@PathParam("id") String inspectionId, @QueryParam("by") String by,
            @QueryParam("template") @DefaultValue(DEFAULT_TEMPLATE) String templateId) {
        InspectionAccess.Reader reader = access.reader(inspectionId);
        SurveyTemplate template = template(templateId);
        if (by != null && !template.breakdownColumns().contains(by)) {
            throw ProblemException.badRequest("by must be one of " + template.breakdownColumns());
        }
        FeedbackSummariser summariser = new FeedbackSummariser(template);
        Publication publication = reader.publication();
        List<StoredResponse> responses;
        Withheld withheld;
        if (reader.audience() == InspectionAccess.Audience.TEAM) {
            responses = store.closedAnswers(inspectionId, template.id());
            withheld = Withheld.nothing();
        } else {
            responses = publications.answers(inspectionId, publication.version(), template.id());
            DisclosureControl control = new DisclosureControl(template, threshold(reader.inspection()));
            withheld = by == null ? control.forSummary(responses) : control.forBreakdown(responses, by);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("inspectionId", inspectionId);
        if (publication != null) {
            result.put("publicationVersion", publication.version());
            result.put("publishedAt", publication.visibleFrom().toString());
        }
        result.putAll(by == null ? summariser.summary(responses, withheld) : summariser.breakdown(responses, by, withheld));
        return result;
    }

    /** The framework's rules.smallNumberThreshold, else the configured one. */
    private int threshold(KnownInspection inspection) {
        return inspection.smallNumberThreshold() != null ? inspection.smallNumberThreshold() : suppressionThreshold;
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
