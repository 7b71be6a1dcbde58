package uk.probation.inspection.rating.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.platform.problem.Problem;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.projection.Breakdown;
import uk.probation.inspection.rating.projection.BreakdownDimensions;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.rating.rules.Dimension;

/** Current ratings and question tallies of one inspection (contract.md, rating-service). */
@Path("/inspections/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Current ratings and question tallies of one inspection: live figures for its team, the published snapshot for viewers")
public class InspectionRatingsResource {

    /** The probation cohort that is a yes/no attribute of its own: {@code cohort=YOUNG_ADULT} is {@code youngAdult=true}. */
    static final String YOUNG_ADULT_COHORT = "YOUNG_ADULT";

    @Inject
    InspectionAccess access;

    @Inject
    InspectionReads reads;

    @Inject
    BreakdownDimensions dimensions;

    @GET
    @Path("ratings")
    @Operation(operationId = "getInspectionRatings", summary = "The overall, standard and key-question ratings of an inspection",
            description = "The team reads live, provisional figures; viewers the snapshot of the latest visible publication "
                    + "(publishedAt, publicationVersion). A read right after a change may lag by the event bus.")
    @APIResponse(responseCode = "200", description = "The ratings")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection, or not one the caller may see (for viewers: none published in their regions)")
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public InspectionRatings ratings(@PathParam("id") String id) {
        return reads.ratings(access.readable(id));
    }

    /**
     * Every key question and prompt; at most one breakdown, {@code <dimension>=<value>} for a breakdown dimension of
     * the inspection's framework (probation: {@code cohort} COMMUNITY, RESETTLEMENT or YOUNG_ADULT, {@code gender},
     * {@code ethnicity}, {@code roshLevel}, {@code youngAdult=true}). Without one, all cases.
     */
    @GET
    @Path("questions")
    @Operation(operationId = "listQuestionTallies", summary = "Every key question and prompt's tallies, for all cases or one breakdown")
    @APIResponse(responseCode = "200", description = "One row per key question and prompt")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "An unknown cohort, an empty value, or more than one breakdown")
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    @Parameter(name = "cohort", in = ParameterIn.QUERY, description = "Only cases of this cohort (probation framework); "
            + "any breakdown dimension the inspection's framework declares is accepted the same way (GET .../rules)",
            schema = @Schema(enumeration = { "COMMUNITY", "RESETTLEMENT", "YOUNG_ADULT" }))
    public List<QuestionView> questions(@PathParam("id") String id, @Context UriInfo uri) {
        Readable readable = access.readable(id);
        return reads.questions(readable, breakdown(dimensions.of(readable.header().id()), uri.getQueryParameters()));
    }

    /** The breakdown the query asks for, checked against the framework's dimensions; every bad parameter is named. */
    static Breakdown breakdown(List<Dimension> declared, Map<String, List<String>> query) {
        List<Breakdown> chosen = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            Optional<Dimension> dimension = declared.stream().filter(d -> d.id().equals(name)).findFirst();
            if (dimension.isEmpty()) {
                errors.add(Problem.FieldError.field(name, "'" + name + "' is not a breakdown dimension of this"
                        + " inspection's framework; expected one of " + declared.stream().map(Dimension::id).toList()));
                continue;
            }
            for (String value : parameter.getValue()) {
                if (value == null || value.isBlank()) {
                    errors.add(Problem.FieldError.field(name, "must not be empty"));
                    continue;
                }
                Optional<Breakdown> breakdown = choose(declared, dimension.get(), value);
                if (breakdown.isPresent()) {
                    chosen.add(breakdown.get());
                } else {
                    errors.add(Problem.FieldError.field(name, expected(declared, dimension.get())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Unknown breakdown", errors);
        }
        if (chosen.size() > 1) {
            String field = declared.stream().anyMatch(d -> d.id().equals(Breakdown.COHORT)) ? Breakdown.COHORT
                    : chosen.get(0).dimension();
            throw ProblemException.invalid("One breakdown at a time", List.of(Problem.FieldError.field(field,
                    "use only one of " + declared.stream().map(Dimension::id).toList())));
        }
        return chosen.isEmpty() ? Breakdown.OVERALL : chosen.get(0);
    }

    private static Optional<Breakdown> choose(List<Dimension> declared, Dimension dimension, String value) {
        if (dimension.id().equals(Breakdown.COHORT) && Breakdown.normalise(value).equals(YOUNG_ADULT_COHORT)) {
            Optional<Dimension> youngAdult = declared.stream().filter(d -> d.id().equals(Breakdown.YOUNG_ADULT))
                    .findFirst();
            return youngAdult.map(d -> BreakdownDimensions.breakdown(d, d.trueValue()));
        }
        return dimension.queryValue(value).map(v -> BreakdownDimensions.breakdown(dimension, v));
    }

    private static String expected(List<Dimension> declared, Dimension dimension) {
        if (dimension.isBoolean()) {
            return "expected true (a yes/no breakdown covers the cases where it is true)";
        }
        List<String> values = new ArrayList<>(dimension.values());
        if (dimension.id().equals(Breakdown.COHORT) && declared.stream().anyMatch(d -> d.id().equals(Breakdown.YOUNG_ADULT))) {
            values.add(YOUNG_ADULT_COHORT);
        }
        return "expected one of " + values;
    }
}
