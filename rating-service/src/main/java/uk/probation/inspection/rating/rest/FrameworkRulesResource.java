package uk.probation.inspection.rating.rest;

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
