package uk.probation.inspection.cases.secondreading;

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
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.QUALITY_ASSURANCE })
    public Assigned assign(@PathParam("id") String id, String body) throws JsonProcessingException {
        return service.assign(id, read(body, Assignment.class));
    }

    @GET
    @Path("/mine")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.QUALITY_ASSURANCE })
    public List<CaseToRead> mine(@PathParam("id") String id) {
        return service.mine(id);
    }

    @PUT
    @Path("/{caseRef}/answers/{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.QUALITY_ASSURANCE })
    public MyAnswer answer(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @PathParam("questionId") String questionId, String body) throws JsonProcessingException {
        AnswerBody answer = read(body, AnswerBody.class);
        return service.answer(id, caseRef, questionId, answer == null ? null : answer.answer());
    }

    @GET
    @Path("/agreement")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.QUALITY_ASSURANCE })
    public AgreementReport agreement(@PathParam("id") String id) {
        return service.agreement(id);
    }

    @POST
    @Path("/{caseRef}/resolutions/{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
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
