package uk.probation.inspection.rating.rest;

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
public class InspectionRatingsResource {

    private static final Set<String> COHORTS = Set.of("COMMUNITY", "RESETTLEMENT", "YOUNG_ADULT");

    @Inject
    InspectionAccess access;

    @Inject
    InspectionReads reads;

    @GET
    @Path("ratings")
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
    @RolesAllowed({Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER})
    public List<QuestionView> questions(@PathParam("id") String id, @QueryParam("cohort") String cohort,
            @QueryParam("gender") String gender, @QueryParam("ethnicity") String ethnicity,
            @QueryParam("roshLevel") String roshLevel) {
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
