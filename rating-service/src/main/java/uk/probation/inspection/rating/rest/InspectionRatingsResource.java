package uk.probation.inspection.rating.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import uk.probation.inspection.platform.problem.Problem;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.rating.projection.Breakdown;
import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;

/** Current ratings and question tallies of one inspection (contract.md, rating-service). */
@Path("/inspections/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Current ratings and question tallies of one inspection: live figures for its team, the published snapshot for viewers")
public class InspectionRatingsResource {

    private static final Set<String> COHORTS = Set.of("COMMUNITY", "RESETTLEMENT", "YOUNG_ADULT");

    @Inject
    InspectionAccess access;

    @Inject
    InspectionReads reads;

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
     * Every key question and prompt; at most one breakdown: {@code cohort} (COMMUNITY, RESETTLEMENT, YOUNG_ADULT),
     * {@code gender}, {@code ethnicity} or {@code roshLevel}. Without one, all cases.
     */
    @GET
    @Path("questions")
    @Operation(operationId = "listQuestionTallies", summary = "Every key question and prompt's tallies, for all cases or one breakdown")
    @APIResponse(responseCode = "200", description = "One row per key question and prompt")
    @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = ApiErrors.NO_INSPECTION)
    @APIResponse(responseCode = ApiErrors.UNPROCESSABLE, description = "An unknown cohort, an empty value, or more than one breakdown")
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public List<QuestionView> questions(@PathParam("id") String id,
            @Parameter(description = "Only cases of this cohort", schema = @Schema(enumeration = { "COMMUNITY", "RESETTLEMENT", "YOUNG_ADULT" }))
            @QueryParam("cohort") String cohort,
            @Parameter(description = "Only cases of this gender") @QueryParam("gender") String gender,
            @Parameter(description = "Only cases of this ethnicity") @QueryParam("ethnicity") String ethnicity,
            @Parameter(description = "Only cases of this RoSH level") @QueryParam("roshLevel") String roshLevel) {
        Readable readable = access.readable(id);
        return reads.questions(readable, breakdown(cohort, gender, ethnicity, roshLevel));
    }

    static Breakdown breakdown(String cohort, String gender, String ethnicity, String roshLevel) {
        List<Breakdown> chosen = new ArrayList<>();
        if (cohort != null) {
            String value = Breakdown.normalise(cohort);
            if (!COHORTS.contains(value)) {
                throw ProblemException.invalid("Unknown cohort",
                        List.of(Problem.FieldError.field("cohort", "expected COMMUNITY, RESETTLEMENT or YOUNG_ADULT")));
            }
            chosen.add(value.equals("YOUNG_ADULT") ? new Breakdown(Breakdown.YOUNG_ADULT, value)
                    : new Breakdown(Breakdown.COHORT, value));
        }
        addIfPresent(chosen, Breakdown.GENDER, gender);
        addIfPresent(chosen, Breakdown.ETHNICITY, ethnicity);
        addIfPresent(chosen, Breakdown.ROSH_LEVEL, roshLevel);
        if (chosen.size() > 1) {
            throw ProblemException.invalid("One breakdown at a time",
                    List.of(Problem.FieldError.field("cohort", "use only one of cohort, gender, ethnicity, roshLevel")));
        }
        return chosen.isEmpty() ? Breakdown.OVERALL : chosen.get(0);
    }

    private static void addIfPresent(List<Breakdown> chosen, String dimension, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw ProblemException.invalid("Empty breakdown value",
                    List.of(Problem.FieldError.field(dimension, "must not be empty")));
        }
        chosen.add(new Breakdown(dimension, Breakdown.normalise(value)));
    }
}
