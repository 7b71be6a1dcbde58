package uk.probation.inspection.cases.sampling;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.sampling.SamplingService.Accepted;
import uk.probation.inspection.cases.sampling.SamplingService.Proposal;
import uk.probation.inspection.cases.sampling.SamplingService.SamplingRequest;
import uk.probation.inspection.platform.problem.StrictJson;
import uk.probation.inspection.platform.security.Caller;

/** Drawing the case sample: the lead proposes one from a long list, reads it back, and accepts it. */
@Path("/inspections/{id}/sampling")
@Produces(MediaType.APPLICATION_JSON)
public class SamplingResource {

    @Inject
    SamplingService service;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Proposal propose(@PathParam("id") String id, String body) throws JsonProcessingException {
        String trimmed = body == null ? "" : StrictJson.withoutBom(body).strip();
        return service.propose(id, trimmed.isEmpty() ? null : json.readValue(trimmed, SamplingRequest.class));
    }

    @GET
    @Path("/{proposalId}")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Proposal read(@PathParam("id") String id, @PathParam("proposalId") String proposalId) {
        return service.read(id, proposalId);
    }

    @POST
    @Path("/{proposalId}/accept")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Accepted accept(@PathParam("id") String id, @PathParam("proposalId") String proposalId) {
        return service.accept(id, proposalId);
    }
}
