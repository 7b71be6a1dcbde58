package uk.probation.inspection.rating.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.rating.report.LowestKeyQuestionSentence.KeyQuestion;

/** The report's generated sentences and figures, as plain rules. */
class ReportRulesTest {

    static final String SAFE = "Does assessment focus sufficiently on keeping other people safe?";

    @Test
    void theLowestKeyQuestionSentenceInTheReportsForm() {
        assertEquals("Overall, the PDU is rated as 'Inadequate' for assessment as the lowest score out of the three key"
                + " questions was 36 per cent. This lowest score relates to keeping other people safe.",
                LowestKeyQuestionSentence.of("Assessment", "Inadequate", List.of(
                        new KeyQuestion("2.2.1", "Does assessment focus sufficiently on engaging the person on probation?", 64),
                        new KeyQuestion("2.2.2", "Does assessment focus sufficiently on the factors linked to offending and desistance?", 48),
                        new KeyQuestion("2.2.3", SAFE, 36))));
    }

    @Test
    void aTieSaysForHowManyKeyQuestions() {
        assertEquals("Overall, the PDU is rated as 'Inadequate' for reviewing as the lowest score out of the three key"
                + " questions was 30 per cent for two key questions. These lowest scores relate to supporting desistance"
                + " and keeping other people safe.",
                LowestKeyQuestionSentence.of("Reviewing", "Inadequate", List.of(
                        new KeyQuestion("2.5.1", "Does reviewing focus sufficiently on supporting the compliance and engagement of the person on probation?", 48),
                        new KeyQuestion("2.5.2", "Does reviewing focus sufficiently on supporting desistance?", 30),
                        new KeyQuestion("2.5.3", "Does reviewing focus sufficiently on keeping other people safe?", 30))));
    }

    @Test
    void keyQuestionsWithoutRelevantCasesDoNotCountAndNoneMeansNoSentence() {
        assertEquals("Overall, the PDU is rated as 'Good' for planning as the lowest score out of the two key questions"
                + " was 70 per cent.", LowestKeyQuestionSentence.of("Planning", "Good", List.of(
                        new KeyQuestion("a", "Is it any good?", 70), new KeyQuestion("b", "Is it done?", 90),
                        new KeyQuestion("c", "x", null))));
        assertNull(LowestKeyQuestionSentence.of("Court work", "Not applicable", List.of(new KeyQuestion("2.1.1", "x", null))));
        assertEquals("supporting desistance", LowestKeyQuestionSentence.topic(
                "Does the implementation and delivery of services effectively support desistance?"));
        assertEquals("engaging the person on probation", LowestKeyQuestionSentence.topic(
                "Is the sentence or post-custody period implemented effectively with a focus on engaging the person on probation?"));
    }

    @Test
    void promptFactsAreFilledFromTheCounts() {
        String template = "in only {yes} of the {relevant} inspected cases ({percentage}%, {no} no, {notApplicable} n/a)";
        assertEquals("in only 10 of the 33 inspected cases (30%, 23 no, 0 n/a)",
                PromptFacts.render(template, new PromptFacts.Counts(10, 23, 0, 33, 30, false)));
        assertEquals("in only 11 of the 33 inspected cases (33%, 22 no, 0 n/a)",
                PromptFacts.render(template, new PromptFacts.Counts(11, 22, 0, 33, 33, false)), "an answer changed");
        assertEquals("[withheld] of [withheld] ([withheld]%)", PromptFacts.render("{yes} of {relevant} ({percentage}%)",
                new PromptFacts.Counts(null, null, null, null, null, true)));
        assertEquals("0 of 0 (–%)", PromptFacts.render("{yes} of {relevant} ({percentage}%)",
                new PromptFacts.Counts(0, 0, 3, 0, null, false)));
        assertEquals("{other} stays; $1 and \\ are literal: 4", PromptFacts.render("{other} stays; $1 and \\ are literal: {yes}",
                new PromptFacts.Counts(4, 0, 0, 4, 100, false)));
    }

    @Test
    void regionFiguresArePooledCountsAndRanked() {
        Map<String, RegionPool.Pooled> pooled = RegionPool.pool(Map.of("2.2.1", Arrays.asList(
                new RegionPool.Figure("newham", 21, 33), new RegionPool.Figure("hackney", 30, 40),
                new RegionPool.Figure("ealing", 10, 20), new RegionPool.Figure("empty", 0, 0))), "newham");
        RegionPool.Pooled q = pooled.get("2.2.1");
        assertEquals(61, q.yes());
        assertEquals(93, q.relevant());
        assertEquals(66, q.percentage(), "61 of 93, not the mean of 64, 75 and 50");
        assertEquals(4, q.inspections());
        assertEquals(2, q.rank(), "75% ranks above Newham's 64%");
        assertEquals(3, q.ranked(), "an inspection with nothing relevant is not ranked");
        assertNull(RegionPool.pool(Map.of("x", List.of(new RegionPool.Figure("a", 1, 2))), null).get("x").rank());
        assertEquals(1, RegionPool.pool(Map.of("x", List.of(new RegionPool.Figure("a", 1, 2),
                new RegionPool.Figure("b", 2, 4))), "b").get("x").rank(), "equal percentages share a rank");
    }
}
