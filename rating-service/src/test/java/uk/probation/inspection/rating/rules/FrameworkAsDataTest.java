package uk.probation.inspection.rating.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped frameworks read as rating-service reads them from inspection.opened: counting, dimensions, bands. */
class FrameworkAsDataTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Framework shipped(String id) throws IOException {
        return Framework.fromJson(JSON.readTree(Path.of("..", "case-service", "src", "main", "resources", "frameworks",
                id + ".json").toFile()));
    }

    @Test
    void youthResettlementIsRatedButLeftOutOfTheThirtySixPoints() throws IOException {
        Framework youth = shipped("hmip-youth-justice-2021");
        Map<String, Rating> ratings = new HashMap<>();
        youth.standards().forEach(s -> ratings.put(s.id(), Rating.OUTSTANDING));
        assertEquals(new OverallResult(Rating.OUTSTANDING, 36, 36), youth.overall(ratings));
        ratings.put("4.1", Rating.INADEQUATE);
        assertEquals(new OverallResult(Rating.OUTSTANDING, 36, 36), youth.overall(ratings), "4.1 does not count");
        // 6 GOOD (12) + 6 REQUIRES_IMPROVEMENT (6) = 18 of 36: exactly 1/2, still Requires improvement; 19 is Good.
        List<String> counted = youth.standards().stream().map(Framework.Standard::id).filter(youth::counts).toList();
        assertEquals(12, counted.size());
        for (int i = 0; i < 12; i++) {
            ratings.put(counted.get(i), i < 6 ? Rating.GOOD : Rating.REQUIRES_IMPROVEMENT);
        }
        assertEquals(new OverallResult(Rating.REQUIRES_IMPROVEMENT, 18, 36), youth.overall(ratings));
        ratings.put(counted.get(6), Rating.GOOD);
        assertEquals(new OverallResult(Rating.GOOD, 19, 36), youth.overall(ratings));
        assertFalse(youth.counts("4.1"));
        assertEquals(Map.of("disposal", "COURT"), youth.standard("2.3").orElseThrow().appliesTo());
        assertEquals(Map.of("disposal", "OUT_OF_COURT"), youth.standard("3.3").orElseThrow().appliesTo());
    }

    @Test
    void overallBandsAsSharesOf36MatchPublishedYouthScores() throws IOException {
        RatingRules rules = shipped("hmip-youth-justice-2021").rules();
        for (int score : new int[] { 3, 5 }) {
            assertEquals(Rating.INADEQUATE, rules.overallBand(score, 36), "score " + score);
        }
        for (int score = 8; score <= 18; score++) {
            assertEquals(Rating.REQUIRES_IMPROVEMENT, rules.overallBand(score, 36), "score " + score);
        }
        for (int score = 19; score <= 29; score++) {
            assertEquals(Rating.GOOD, rules.overallBand(score, 36), "score " + score);
        }
        for (int score = 31; score <= 34; score++) {
            assertEquals(Rating.OUTSTANDING, rules.overallBand(score, 36), "score " + score);
        }
    }

    @Test
    void breakdownDimensionsAreTheDeclaredOnes() throws IOException {
        Framework youth = shipped("hmip-youth-justice-2021");
        assertEquals(List.of("disposal", "gender", "ethnicity", "ageAtStart", "lookedAfter", "roshLevel",
                "safetyWellbeingLevel"), youth.dimensions().stream().map(Dimension::id).toList());
        Dimension lookedAfter = youth.dimension("lookedAfter").orElseThrow();
        assertEquals(Optional.of("LOOKED_AFTER"), lookedAfter.tallyValue(true));
        assertEquals(Optional.empty(), lookedAfter.tallyValue(false));
        assertEquals(Optional.of("LOOKED_AFTER"), lookedAfter.queryValue("true"));
        assertEquals(Optional.empty(), lookedAfter.queryValue("false"));
        Dimension disposal = youth.dimension("disposal").orElseThrow();
        assertEquals(Optional.of("OUT_OF_COURT"), disposal.queryValue("out_of_court"));
        assertEquals(Optional.empty(), disposal.queryValue("CUSTODY"));
        // The probation framework declares today's dimensions, and one without caseAttributes has them too.
        Framework probation = shipped("hmip-probation-pdu-2021");
        assertEquals(Dimension.PROBATION, probation.dimensions());
        assertEquals("YOUNG_ADULT", probation.dimension("youngAdult").orElseThrow().trueValue());
        assertTrue(probation.standards().stream().allMatch(Framework.Standard::countsTowardsOverall));
        assertEquals(Dimension.PROBATION, Dimension.fromJson(JSON.createObjectNode().path("caseAttributes")));
    }
}
