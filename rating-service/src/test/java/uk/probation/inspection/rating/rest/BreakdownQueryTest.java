package uk.probation.inspection.rating.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.rating.projection.Breakdown;
import uk.probation.inspection.rating.rules.Dimension;
import uk.probation.inspection.rating.rules.Framework;

/** {@code ?<attribute>=<value>} against the inspection framework's declared dimensions; today's cohorts still work. */
class BreakdownQueryTest {

    static List<Dimension> youth() throws IOException {
        return Framework.fromJson(new ObjectMapper().readTree(Path.of("..", "case-service", "src", "main", "resources",
                "frameworks", "hmip-youth-justice-2021.json").toFile())).dimensions();
    }

    @Test
    void probationCohortsKeepTheirMeaning() {
        assertEquals(new Breakdown("youngAdult", "YOUNG_ADULT"),
                InspectionRatingsResource.breakdown(Dimension.PROBATION, Map.of("cohort", List.of("YOUNG_ADULT"))));
        assertEquals(new Breakdown("youngAdult", "YOUNG_ADULT"),
                InspectionRatingsResource.breakdown(Dimension.PROBATION, Map.of("youngAdult", List.of("true"))));
        assertEquals(new Breakdown("cohort", "RESETTLEMENT"),
                InspectionRatingsResource.breakdown(Dimension.PROBATION, Map.of("cohort", List.of("resettlement"))));
        assertEquals(new Breakdown("ethnicity", "WHITE"),
                InspectionRatingsResource.breakdown(Dimension.PROBATION, Map.of("ethnicity", List.of(" White"))));
        assertEquals(Breakdown.OVERALL, InspectionRatingsResource.breakdown(Dimension.PROBATION, Map.of()));
    }

    @Test
    void youthBreakdownsAreItsAttributesAndNothingElse() throws IOException {
        assertEquals(new Breakdown("disposal", "COURT"),
                InspectionRatingsResource.breakdown(youth(), Map.of("disposal", List.of("court"))));
        assertEquals(new Breakdown("lookedAfter", "LOOKED_AFTER"),
                InspectionRatingsResource.breakdown(youth(), Map.of("lookedAfter", List.of("true"))));
        for (Map<String, List<String>> bad : List.of(Map.of("cohort", List.of("COMMUNITY")),
                Map.of("disposalType", List.of("REFERRAL_ORDER")), Map.of("lookedAfter", List.of("false")),
                Map.of("disposal", List.of("CUSTODY")), Map.of("disposal", List.of("")))) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> InspectionRatingsResource.breakdown(youth(), bad), bad.toString());
            assertEquals(422, e.status());
            assertEquals(bad.keySet().iterator().next(), e.toProblem().errors().get(0).field());
        }
        ProblemException two = assertThrows(ProblemException.class, () -> InspectionRatingsResource.breakdown(youth(),
                new java.util.TreeMap<>(Map.of("disposal", List.of("COURT"), "gender", List.of("MALE")))));
        assertEquals(422, two.status());
    }
}
