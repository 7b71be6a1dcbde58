package uk.probation.inspection.feedback.summary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
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
@Tag(name = "Feedback", description = "Summaries of the views of people on probation; free text for the inspection team only")
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
    @Operation(operationId = "getFeedbackSummary", summary = "The User Voice summary of an inspection, or its figures per group",
            description = "The team reads live answers, every number; viewers the latest visible publication's, with small numbers withheld.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackSummarySchema.class)))
    @APIResponse(responseCode = ApiErrors.BAD_REQUEST, description = "by is not a breakdown column of the template")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection or template, or not one the caller may see")
    @RolesAllowed({ Caller.VIEWER, Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Map<String, Object> summary(@PathParam("id") String inspectionId,
            @Parameter(description = "Group the figures by the channel or a demographic column (e.g. gender)") @QueryParam("by") String by,
            @Parameter(description = "The survey template") @QueryParam("template") @DefaultValue(DEFAULT_TEMPLATE) String templateId) {
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
    @Operation(operationId = "listFeedbackComments", summary = "The free-text answers (personal data: the inspection team only)")
    @APIResponse(responseCode = "200", description = "The comments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentsSchema.class)))
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection or template, or not one on the caller's teams")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Map<String, Object> comments(@PathParam("id") String inspectionId,
            @Parameter(description = "The survey template") @QueryParam("template") @DefaultValue(DEFAULT_TEMPLATE) String templateId) {
        access.team(inspectionId);
        SurveyTemplate template = template(templateId);
        List<ResponseStore.FreeText> texts = store.freeText(inspectionId, template.id());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("inspectionId", inspectionId);
        result.put("templateId", template.id());
        result.put("comments", texts);
        return result;
    }

    /** The shape of the comments answer, for the OpenAPI document. */
    @Schema(name = "FeedbackComments")
    record CommentsSchema(String inspectionId, String templateId, java.util.List<ResponseStore.FreeText> comments) {
    }

    private SurveyTemplate template(String templateId) {
        return templates.find(templateId)
                .orElseThrow(() -> ProblemException.notFound("No survey template " + templateId));
    }
}
