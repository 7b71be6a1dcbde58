package uk.probation.inspection.cases.sampling;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
@Tag(name = "Sampling", description = "Drawing an inspection's case sample from a long list (docs/sampling.md), by its lead")
public class SamplingResource {

    @Inject
    SamplingService service;

    @Inject
    ObjectMapper json;

    // Two methods, one operation: the JSON and CSV bodies are merged into one request body in the document.
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "proposeSample", summary = "Draw a proposed case sample and reserve from a long list (the lead)",
            description = "Stratified by the framework's sampling rules; the same seed and long list give the same sample. "
                    + "The long list is a JSON object (size, buffer, seed, cases) or CSV (one case a row, size, buffer "
                    + "and seed as query parameters).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SamplingRequest.class)))
    @APIResponse(responseCode = "200", description = "The proposal: sample, reserve, strata, cases per officer and exclusions")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Not a lead inspector, or not this inspection's lead")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = ApiErrors.FROZEN)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "A bad size, buffer, seed or long-list case, too few cases to draw from, or a framework without sampling rules")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Proposal propose(@PathParam("id") String id, String body) throws JsonProcessingException {
        String trimmed = body == null ? "" : StrictJson.withoutBom(body).strip();
        return service.propose(id, trimmed.isEmpty() ? null : json.readValue(trimmed, SamplingRequest.class));
    }

    @POST
    @Consumes(ApiErrors.CSV)
    @Operation(operationId = "proposeSample", summary = "Draw a proposed case sample and reserve from a long list (the lead)")
    @RequestBody(required = true, content = @Content(mediaType = ApiErrors.CSV,
            schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV, UTF-8, a header row then one case a row; "
                    + "columns named as the JSON fields: caseRef, officer, unit (required), gender, cohort, roshLevel, "
                    + "startDate, exclude, sentenceType, youngAdult, ethnicity (optional); an empty cell is an absent field"),
            examples = @ExampleObject(name = "two cases", value = "caseRef,officer,unit,gender,cohort,roshLevel,startDate\n"
                    + "WX-01,A,North,MALE,COMMUNITY,LOW,2022-02-01\nWX-02,B,North,FEMALE,COMMUNITY,LOW,2022-02-03\n")))
    @APIResponse(responseCode = "200", description = "The proposal: sample, reserve, strata, cases per officer and exclusions")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Proposal proposeCsv(@PathParam("id") String id,
            @Parameter(description = "With a CSV long list: the sample size, 1 to 1000") @QueryParam("size") String size,
            @Parameter(description = "With a CSV long list: the reserve share, 0 to 1 (default: the framework's)")
            @QueryParam("buffer") String buffer,
            @Parameter(description = "With a CSV long list: the seed, a whole number") @QueryParam("seed") String seed,
            String body) {
        return service.propose(id, size, buffer, seed, body);
    }

    @GET
    @Path("/{proposalId}")
    @Operation(operationId = "getSampleProposal", summary = "A sampling proposal as drawn (the team)")
    @APIResponse(responseCode = "200", description = "The proposal")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection or proposal, or not one the caller may see")
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Proposal read(@PathParam("id") String id, @PathParam("proposalId") String proposalId) {
        return service.read(id, proposalId);
    }

    @POST
    @Path("/{proposalId}/accept")
    @Operation(operationId = "acceptSampleProposal", summary = "Register a proposal's sample as the inspection's cases, in one transaction (the lead)")
    @APIResponse(responseCode = "200", description = "Registered: the proposal and the case refs registered")
    @APIResponse(responseCode = ApiErrors.FORBIDDEN, description = "Not a lead inspector, or not this inspection's lead")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection or proposal, or not one the caller may see")
    @APIResponse(responseCode = ApiErrors.CONFLICT, description = "The proposal was accepted already, or the inspection is scheduled or published")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "A sampled case cannot be registered (already registered, or missing what registration needs); nothing was registered")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Accepted accept(@PathParam("id") String id, @PathParam("proposalId") String proposalId) {
        return service.accept(id, proposalId);
    }
}
