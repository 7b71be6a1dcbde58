package uk.probation.inspection.rating.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.probation.inspection.rating.rules.Rating.GOOD;
import static uk.probation.inspection.rating.rules.Rating.INADEQUATE;
import static uk.probation.inspection.rating.rules.Rating.NOT_APPLICABLE;
import static uk.probation.inspection.rating.rules.Rating.NOT_RATED;
import static uk.probation.inspection.rating.rules.Rating.OUTSTANDING;
import static uk.probation.inspection.rating.rules.Rating.REQUIRES_IMPROVEMENT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** domain.md section 3, row by row, with the rules read from the real framework JSON. */
class RatingRulesTest {

    static final Path FRAMEWORK = Path.of("../case-service/src/main/resources/frameworks/hmip-probation-pdu-2021.json");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode frameworkJson() throws Exception {
        return JSON.readTree(Files.readString(FRAMEWORK));
    }

    static RatingRules rules() throws Exception {
        return RatingRules.fromJson(frameworkJson().path("rules"));
    }

    @ParameterizedTest(name = "{0} of {1} relevant -> {2}%")
    @CsvSource({
            // Newham key questions (domain.md section 5), yes of 33
            "21,33,64", "16,33,48", "12,33,36", "17,33,52", "13,33,39", "14,33,42", "10,33,30", "9,33,27",
            // prompts with fewer relevant cases
            "9,27,33", "9,25,36", "10,27,37", "21,31,68", "1,5,20", "4,20,20", "5,16,31",
            // exact halves round up; just below a half rounds down
            "1,2,50", "1,8,13", "3,8,38", "129,200,65", "99,200,50", "159,200,80", "1289,2000,64",
            "0,33,0", "33,33,100" })
    void percentageIsRoundedHalfUp(int yes, int relevant, int expected) {
        assertEquals(expected, RatingRules.percentage(yes, relevant - yes));
    }

    @Test
    void noRelevantCaseHasNoPercentage() {
        assertNull(RatingRules.percentage(0, 0));
    }

    @ParameterizedTest(name = "{0}% -> {1}")
    @CsvSource({ "100,OUTSTANDING,3", "80,OUTSTANDING,3", "79,GOOD,2", "65,GOOD,2", "64,REQUIRES_IMPROVEMENT,1",
            "50,REQUIRES_IMPROVEMENT,1", "49,INADEQUATE,0", "0,INADEQUATE,0" })
    void bandsAndPointsComeFromTheFramework(int percentage, Rating rating, int points) throws Exception {
        RatingRules rules = rules();
        assertEquals(rating, rules.band(percentage).rating());
        assertEquals(points, rules.points(rating));
    }

    @Test
    void boundariesAreAppliedToTheRoundedPercentage() throws Exception {
        RatingRules rules = rules();
        // 79.5% rounds to 80: Outstanding; 64.5% to 65: Good; 49.5% to 50: Requires improvement.
        assertEquals(OUTSTANDING, rules.rateCases(List.of(RatingRules.percentage(159, 41))).rating());
        assertEquals(GOOD, rules.rateCases(List.of(RatingRules.percentage(129, 71))).rating());
        assertEquals(REQUIRES_IMPROVEMENT, rules.rateCases(List.of(RatingRules.percentage(99, 101))).rating());
        // 21 of 33 = 63.6% -> 64: still Requires improvement.
        assertEquals(REQUIRES_IMPROVEMENT, rules.rateCases(List.of(RatingRules.percentage(21, 12))).rating());
    }

    @ParameterizedTest(name = "standard with {0} -> {1}, lowest {2}")
    @CsvSource({ "'64,48,36',INADEQUATE,36", "'52,48,39',INADEQUATE,39", "'42,30,27',INADEQUATE,27",
            "'48,30,30',INADEQUATE,30", "'90,80,81',OUTSTANDING,80", "'70,66,65',GOOD,65", "'90,64,99',REQUIRES_IMPROVEMENT,64" })
    void caseStandardTakesTheBandOfItsLowestKeyQuestion(String percentages, Rating rating, int lowest) throws Exception {
        List<Integer> values = Arrays.stream(percentages.split(",")).map(Integer::valueOf).toList();
        assertEquals(new StandardResult(rating, lowest), rules().rateCases(values));
    }

    @Test
    void caseStandardWithoutRelevantCasesIsNotApplicable() throws Exception {
        RatingRules rules = rules();
        assertEquals(new StandardResult(NOT_APPLICABLE, null), rules.rateCases(Collections.singletonList(null)));
        assertEquals(new StandardResult(NOT_APPLICABLE, null), rules.rateCases(List.of()));
        // A key question without relevant cases does not pull the standard down.
        assertEquals(new StandardResult(GOOD, 70), rules.rateCases(Arrays.asList(null, 70, 88)));
    }

    @Test
    void judgementStandardsTakeTheRecordedRatingAndOutcomesAreNeverRated() throws Exception {
        RatingRules rules = rules();
        assertEquals(new StandardResult(NOT_RATED, null), rules.rate(Basis.JUDGEMENT, List.of(), null));
        assertEquals(new StandardResult(GOOD, null), rules.rate(Basis.JUDGEMENT, List.of(), GOOD));
        assertEquals(new StandardResult(NOT_RATED, 27), rules.rate(Basis.NONE, List.of(27), null));
    }

    @Test
    void newhamOverallIsSixOfTwentyFourRequiresImprovement() throws Exception {
        List<Rating> newham = List.of(REQUIRES_IMPROVEMENT, GOOD, REQUIRES_IMPROVEMENT, GOOD, NOT_APPLICABLE,
                INADEQUATE, INADEQUATE, INADEQUATE, INADEQUATE, NOT_RATED);
        assertEquals(new OverallResult(REQUIRES_IMPROVEMENT, 6, 24), rules().overall(newham));
    }

    @Test
    void unratedAndNotApplicableStandardsLeaveTheMaximum() throws Exception {
        assertEquals(new OverallResult(GOOD, 2, 3), rules().overall(List.of(GOOD, NOT_RATED, NOT_APPLICABLE)));
        assertEquals(OverallResult.NONE_RATED, rules().overall(List.of(NOT_RATED, NOT_APPLICABLE)));
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            // published probation scores (27-point framework) and Newham
            "0,27,INADEQUATE", "2,27,INADEQUATE", "3,27,INADEQUATE", "6,24,REQUIRES_IMPROVEMENT",
            // 36-point framework (youth justice)
            "3,36,INADEQUATE", "5,36,INADEQUATE", "6,36,INADEQUATE", "7,36,REQUIRES_IMPROVEMENT",
            "8,36,REQUIRES_IMPROVEMENT", "18,36,REQUIRES_IMPROVEMENT", "19,36,GOOD", "29,36,GOOD", "30,36,GOOD",
            "31,36,OUTSTANDING", "34,36,OUTSTANDING", "36,36,OUTSTANDING",
            // share boundaries are inclusive: 4/24 = 1/6, 12/24 = 1/2, 20/24 = 5/6
            "4,24,INADEQUATE", "5,24,REQUIRES_IMPROVEMENT", "12,24,REQUIRES_IMPROVEMENT", "13,24,GOOD",
            "20,24,GOOD", "21,24,OUTSTANDING" })
    void overallBandsAreSharesOfTheMaximum(int score, int max, Rating expected) throws Exception {
        assertEquals(expected, rules().overallBand(score, max));
    }

    @Test
    void thirtySixPointFrameworkFromTwelveStandardRatings() throws Exception {
        RatingRules rules = rules();
        List<Rating> ratings = new ArrayList<>(Collections.nCopies(5, INADEQUATE));
        ratings.addAll(Collections.nCopies(7, REQUIRES_IMPROVEMENT));
        assertEquals(new OverallResult(REQUIRES_IMPROVEMENT, 7, 36), rules.overall(ratings));
        List<Rating> strong = new ArrayList<>(Collections.nCopies(7, OUTSTANDING));
        strong.addAll(Collections.nCopies(5, GOOD));
        assertEquals(new OverallResult(OUTSTANDING, 31, 36), rules.overall(strong));
    }

    @Test
    void otherRulesInTheJsonGiveOtherResults() throws Exception {
        ObjectNode rules = (ObjectNode) frameworkJson().path("rules").deepCopy();
        ((ObjectNode) rules.path("bands").get(1)).put("minPercentage", 60).put("points", 5);
        ((ObjectNode) rules.path("overallBands").get(0).path("maxShareOfMaximum")).put("numerator", 1).put("denominator", 3);
        RatingRules changed = RatingRules.fromJson(rules);
        assertEquals(GOOD, changed.band(62).rating());
        assertEquals(5, changed.points(GOOD));
        assertEquals(INADEQUATE, changed.overallBand(8, 24));
        assertEquals(REQUIRES_IMPROVEMENT, rules().overallBand(8, 24));
    }

    @Test
    void unsupportedRulesAreRejected() throws Exception {
        ObjectNode rules = (ObjectNode) frameworkJson().path("rules").deepCopy();
        rules.put("percentageRounding", "FLOOR");
        assertThrows(InvalidFrameworkException.class, () -> RatingRules.fromJson(rules));
        ObjectNode noBands = (ObjectNode) frameworkJson().path("rules").deepCopy();
        noBands.remove("bands");
        assertThrows(InvalidFrameworkException.class, () -> RatingRules.fromJson(noBands));
    }

    @Test
    void frameworkIsReadFromItsJson() throws Exception {
        Framework framework = Framework.fromJson(frameworkJson());
        assertEquals("hmip-probation-pdu-2021", framework.id());
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6"),
                framework.standards().stream().map(Framework.Standard::id).toList());
        assertEquals(Basis.NONE, framework.standard("2.6").orElseThrow().basis());
        assertEquals("2.2", framework.standardOfKeyQuestion("2.2.3").orElseThrow().id());
        assertTrue(framework.standardOfKeyQuestion("2.2.3b").isEmpty());
        assertTrue(framework.questionIds().indexOf("2.2.1b") == framework.questionIds().indexOf("2.2.1") + 2);
    }
}
