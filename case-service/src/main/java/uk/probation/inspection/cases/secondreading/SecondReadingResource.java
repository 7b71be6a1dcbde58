package uk.probation.inspection.cases.secondreading;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.secondreading.SecondReadingService.AgreementReport;
import uk.probation.inspection.cases.secondreading.SecondReadingService.Assigned;
import uk.probation.inspection.cases.secondreading.SecondReadingService.Assignment;
import uk.probation.inspection.cases.secondreading.SecondReadingService.CaseToRead;
import uk.probation.inspection.cases.secondreading.SecondReadingService.MyAnswer;
import uk.probation.inspection.cases.secondreading.SecondReadingService.Resolve;
import uk.probation.inspection.platform.problem.StrictJson;
import uk.probation.inspection.platform.security.Caller;

/** The blind second reading of cases (quality assurance), docs/contract.md. */
@Path("/inspections/{id}/second-readings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Second reading", description = "Blind second reading of cases for quality assurance, and the agreement between readers")
public class SecondReadingResource {

    /** The body of a second answer. */
    public record AnswerBody(String answer) {
    }

    @Inject
    SecondReadingService service;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignSecondReadings", summary = "Give cases to a second reader who is not on the team (the lead or quality assurance)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Assignment.class)))
    @APIResponse(responseCode = "200", description = "Assigned: the reader and the case refs given")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Neither this inspection's lead nor a quality-assurance member of it")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = ApiErrors.FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "The reader is missing or on the team, or a case is unknown, listed twice or already has a second reading")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.QUALITY_ASSURANCE })
    public Assigned assign(@PathParam("id") String id, String body) throws JsonProcessingException {
        return service.assign(id, read(body, Assignment.class));
    }

    @GET
    @Path("/mine")
    @Operation(operationId = "listMySecondReadings", summary = "The caller's cases to read a second time, never with the first answers")
    @APIResponse(responseCode = "200", description = "Each case's facts, the case-rated key questions and the caller's own answers")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection, or no second reading of it given to the caller")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.QUALITY_ASSURANCE })
    public List<CaseToRead> mine(@PathParam("id") String id) {
        return service.mine(id);
    }

    @PUT
    @Path("/{caseRef}/answers/{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordSecondAnswer", summary = "Record the second reader's answer to a key question of a case given to them")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnswerBody.class)))
    @APIResponse(responseCode = "200", description = "The answer with its version")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection, or no second reading of this case given to the caller")
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = ApiErrors.FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "Not a case-rated key question of the framework, or not an answer it allows")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.QUALITY_ASSURANCE })
    public MyAnswer answer(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @PathParam("questionId") String questionId, String body) throws JsonProcessingException {
        AnswerBody answer = read(body, AnswerBody.class);
        return service.answer(id, caseRef, questionId, answer == null ? null : answer.answer());
    }

    @GET
    @Path("/agreement")
    @Operation(operationId = "getSecondReadingAgreement", summary = "Agreement between first and second readings: percentage and Cohen's kappa, with every disagreement")
    @APIResponse(responseCode = "200", description = "Overall, per key question and per inspector, and the disagreements with their resolutions")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Neither this inspection's lead nor a quality-assurance member of it")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.QUALITY_ASSURANCE })
    public AgreementReport agreement(@PathParam("id") String id) {
        return service.agreement(id);
    }

    @POST
    @Path("/{caseRef}/resolutions/{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveSecondReading", summary = "Resolve a disagreement: keep the first answer or change it, with a reason")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Resolve.class)))
    @APIResponse(responseCode = "200", description = "The resolution: outcome, answer, reason, who and when")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Neither this inspection's lead nor a quality-assurance member of it")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection, case, second reading or second answer, or not one the caller may see")
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = "Resolved already, or the inspection is scheduled or published")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "Not a disagreement, a bad outcome or answer, or the reason missing")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.QUALITY_ASSURANCE })
    public SecondReadingService.ResolutionView resolve(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @PathParam("questionId") String questionId, String body) throws JsonProcessingException {
        return service.resolve(id, caseRef, questionId, read(body, Resolve.class));
    }

    private <T> T read(String body, Class<T> type) throws JsonProcessingException {
        String trimmed = body == null ? "" : StrictJson.withoutBom(body).strip();
        return trimmed.isEmpty() ? null : json.readValue(trimmed, type);
    }
}
