package uk.probation.inspection.feedback.ingest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import uk.probation.inspection.feedback.inspection.InspectionAccess;
import uk.probation.inspection.feedback.inspection.KnownInspection;
import uk.probation.inspection.feedback.template.SurveyTemplate;
import uk.probation.inspection.feedback.template.SurveyTemplates;
import uk.probation.inspection.platform.problem.ItemLimit;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.problem.ValidationErrors;
import uk.probation.inspection.platform.security.Caller;

/**
 * Survey responses for an inspection, as text/csv (the columns of the template) or a JSON array of objects
 * keyed by the same columns (multiple choice as an array of options or a ';'-separated string). The whole
 * request is validated first; one bad cell rejects it all.
 */
@Path("/inspections/{id}/surveys/{templateId}/responses")
@Tag(name = "Survey responses", description = "User Voice survey responses, submitted by the survey-ingest system")
public class SurveyResponseResource {

    private static final Logger AUDIT = Logger.getLogger("audit");
    /** The most respondents one request may carry: an inspection's survey has hundreds. */
    static final int MAX_RESPONDENTS_PER_REQUEST = 5_000;

    @Inject
    InspectionAccess access;

    @Inject
    SurveyTemplates templates;

    @Inject
    SurveyIngest ingest;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @ConfigProperty(name = "pip.feedback.max-body", defaultValue = "2M")
    MemorySize maxBody;

    @POST
    @Consumes(MediaType.WILDCARD) // media types are checked below, to answer 415 with a useful message
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SURVEY_INGEST) // responses come from User Voice's feed, never typed in by inspectors
    @Operation(operationId = "submitSurveyResponses", summary = "Submit survey responses: CSV or a JSON array; all or nothing",
            description = "A respondent sent again replaces their earlier answers. Any bad row rejects the whole request "
                    + "(422, every bad row listed, at most 100); at most 5,000 respondents and 2 MB a request.")
    @RequestBody(required = true, content = {
            @Content(mediaType = ApiErrors.CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180 CSV, UTF-8, a header row with the template's columns (user-voice-2022: as user-voice.csv), then one respondent a row"),
                    examples = @ExampleObject(name = "newham", value = "respondent_id,channel,gender,ethnicity,age_band,relationship_works_well,feel_safe_at_office,happy_with_support,positives,issues,needed_support,helped_by_probation,asked_for_views,say_in_how_run,comments\nUV-001,INTERVIEW,MALE,PREFER_NOT_TO_SAY,26-35,YES,YES,YES,RELATIONSHIP,ACCESS_TO_SERVICES,YES,YES,NO,NO,My officer listens to me.\n")),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SurveyResponseSchema.class)) })
    @APIResponse(responseCode = "200", description = "How many respondents were accepted, and how many of them replaced earlier answers")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection (feedback-service learns of it from case-events, so shortly after it opens), or no such template")
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = ApiErrors.FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "A row breaks the template (every bad row listed), the header does not match it, or there are no rows")
    public SurveyIngest.Outcome submit(@PathParam("id") String inspectionId, @PathParam("templateId") String templateId,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        KnownInspection inspection = access.submitter(inspectionId);
        SurveyTemplate template = templates.find(templateId)
                .orElseThrow(() -> ProblemException.notFound("No survey template " + templateId));
        ingest.requireOpen(inspection); // before parsing: a frozen inspection takes nothing, valid or not
        boolean csv = isCsv(contentType);
        if (body != null && body.length > maxBody.asLongValue()) {
            throw new ProblemException(413, "Payload too large",
                    "The body has " + body.length + " bytes; the limit is " + maxBody.asLongValue(), null);
        }
        String text = StrictUtf8.decode(body == null ? new byte[0] : body);
        ResponseValidator validator = new ResponseValidator(template);
        Iterator<RawRow> rows = csv ? ResponseBody.csv(text, validator) : ResponseBody.json(text, json);
        // Rows are read as they are checked; checking stops at the 100th problem (422) or past the item limit (413).
        ValidationErrors errors = new ValidationErrors();
        List<Respondent> respondents = validator.validate(
                ItemLimit.of(rows, MAX_RESPONDENTS_PER_REQUEST, "respondents"), errors);
        if (!errors.isEmpty()) {
            throw errors.refuse(errors.truncated()
                    ? "At least " + String.format("%,d", errors.count()) + " problems found; nothing was stored (the first "
                            + errors.listed().size() + " are listed; checking stopped there)"
                    : errors.count() + " problem(s) found; nothing was stored");
        }
        SurveyIngest.Outcome outcome = ingest.store(inspectionId, templateId, respondents);
        AUDIT.infof("user=%s action=ingest-survey-responses inspection=%s template=%s accepted=%d replaced=%d",
                caller.username(), inspectionId, templateId, outcome.accepted(), outcome.replaced());
        return outcome;
    }

    /** True for text/csv, false for application/json; 415 for anything else or a charset other than UTF-8. */
    private static boolean isCsv(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        boolean csv = type != null && "text".equalsIgnoreCase(type.getType()) && "csv".equalsIgnoreCase(type.getSubtype());
        boolean jsonType = type != null && "application".equalsIgnoreCase(type.getType())
                && "json".equalsIgnoreCase(type.getSubtype());
        if (!csv && !jsonType) {
            throw new ProblemException(415, "Unsupported media type",
                    "Send text/csv or application/json (UTF-8), not " + contentType, null);
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !List.of("utf-8", "utf8").contains(charset.toLowerCase(Locale.ROOT))) {
            throw new ProblemException(415, "Unsupported media type",
                    "Only UTF-8 text is accepted, not charset " + charset, null);
        }
        return csv;
    }
}
