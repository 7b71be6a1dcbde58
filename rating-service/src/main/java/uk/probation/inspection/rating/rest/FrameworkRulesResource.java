package uk.probation.inspection.rating.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.projection.FrameworkCache;
import uk.probation.inspection.rating.rules.Dimension;
import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.RatingRules;

/**
 * The rating rules and breakdown dimensions of an inspection's framework, for pages that draw them (the dashboard's
 * band lines) without knowing the framework: {@code GET /inspections/{id}/rules}.
 */
@Path("/inspections/{id}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Current ratings and question tallies of one inspection: live figures for its team, the published snapshot for viewers")
public class FrameworkRulesResource {

    public record BandView(String rating, int minPercentage, int points) {
    }

    public record OverallBandView(String rating, long numerator, long denominator) {
    }

    public record RulesView(String frameworkId, List<BandView> bands, List<OverallBandView> overallBands,
            List<String> notCounted, List<Dimension> dimensions) {
    }

    @Inject
    InspectionAccess access;

    @Inject
    FrameworkCache frameworks;

    @GET
    @Operation(operationId = "getFrameworkRules", summary = "The rating bands, overall bands, uncounted standards and breakdown dimensions of the inspection's framework")
    @APIResponse(responseCode = "200", description = "The framework's rules and dimensions")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection, or not one the caller may see (for viewers: none published in their regions)")
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public RulesView rules(@PathParam("id") String id) {
        Readable readable = access.readable(id);
        Framework framework = frameworks.of(readable.header().id()).orElseThrow();
        RatingRules rules = framework.rules();
        return new RulesView(framework.id(),
                rules.bands().stream().map(b -> new BandView(b.rating().name(), b.minPercentage(), b.points())).toList(),
                rules.overallBands().stream()
                        .map(b -> new OverallBandView(b.rating().name(), b.numerator(), b.denominator())).toList(),
                framework.standards().stream().filter(s -> !s.countsTowardsOverall()).map(Framework.Standard::id)
                        .toList(),
                framework.dimensions());
    }
}
