package uk.probation.inspection.rating.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.report.RegionFigures;

/**
 * The region view of the report: every key question pooled over the region's published inspections of one framework
 * (and fieldwork year, if given), as HMIP rates regional standards from aggregated PDU data. Only published snapshots
 * are pooled, so any reader of the region may see it.
 */
@Path("/regions/{region}/key-questions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Every inspection of a region the caller may read, with its ratings")
public class RegionKeyQuestionsResource {

    @Inject
    InspectionAccess access;

    @Inject
    RegionFigures figures;

    @GET
    @Operation(operationId = "getRegionKeyQuestions", summary = "Every key question pooled over the region's published inspections of one framework, ranked",
            description = "Sum of yes over sum of relevant across the published snapshots, for one fieldwork year or all.")
    @APIResponse(responseCode = "200", description = "The region view: each key question's pooled figures and rank")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such region, or not one the caller may read")
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "year is not a four-digit year, or frameworkId is blank or too long")
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public RegionFigures.RegionView keyQuestions(@PathParam("region") String region,
            @Parameter(description = "The framework pooled") @QueryParam("frameworkId") @DefaultValue("hmip-probation-pdu-2021") String frameworkId,
            @Parameter(description = "Only inspections whose fieldwork was in this year, e.g. 2022") @QueryParam("year") String year) {
        if (!access.mayListRegion(region)) {
            throw ProblemException.notFound("No region " + region);
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        if (year != null && !year.matches("\\d{4}")) {
            errors.add(FieldError.field("year", "expected a year such as 2022"));
        }
        if (frameworkId.isBlank() || frameworkId.length() > 100) {
            errors.add(FieldError.field("frameworkId", "expected a framework id of at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The region view was not produced", errors);
        }
        return figures.region(region, frameworkId, year == null ? null : Integer.parseInt(year));
    }
}
