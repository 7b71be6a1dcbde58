package uk.probation.inspection.cases.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.narrative.NarrativeRules.Fact;
import uk.probation.inspection.cases.narrative.NarrativeRules.Recommendation;
import uk.probation.inspection.cases.narrative.NarrativeRules.Section;
import uk.probation.inspection.platform.problem.Problem.FieldError;

class NarrativeRulesTest {

    final Framework framework = probation();

    static Framework probation() {
        try (var in = NarrativeRulesTest.class.getClassLoader().getResourceAsStream("frameworks/hmip-probation-pdu-2021.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, Framework.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aGoodNarrativeHasNoProblems() {
        assertEquals(List.of(), NarrativeRules.narrative(framework, "2.2", List.of("Good engagement."),
                List.of("Safeguarding checks were not made.\nNot in most cases."),
                List.of(new Section("Resettlement", List.of("Weaker for people released from custody."))),
                List.of(new Fact("2.2.3b", null, "in only {yes} of the {relevant} inspected cases"),
                        new Fact("2.2.1b", "RESETTLEMENT", "{yes} of {relevant} ({percentage}%)"))));
        assertEquals(List.of(), NarrativeRules.narrative(framework, "1.3", null, null, null, null),
                "judgement-rated standards have narratives too");
    }

    @Test
    void everyBadFieldIsNamed() {
        List<FieldError> errors = NarrativeRules.narrative(framework, "2.2", List.of("ok", " "),
                Collections.singletonList(null),
                List.of(new Section("", List.of()), new Section("Resettlement\u0007", List.of("x"))),
                List.of(new Fact("2.3.1", null, "{yes}"), new Fact("2.2.1", "resettlement", "{yes}"),
                        new Fact("2.2.1", null, "no counts here"), new Fact("2.2.1", null, "{yes} of {total}"),
                        new Fact(null, null, null)));
        assertEquals(List.of("strengths[1]", "areasForImprovement[0]", "cohortSections[0].title",
                "cohortSections[0].paragraphs", "cohortSections[1].title", "promptFacts[0].questionId",
                "promptFacts[1].cohort", "promptFacts[2].template", "promptFacts[3].template",
                "promptFacts[4].questionId", "promptFacts[4].template"), fields(errors));
        assertEquals(List.of("standardId"), fields(NarrativeRules.narrative(framework, "9.9", null, null, null, null)));
    }

    @Test
    void hostileSizesAreRefusedWithoutListingEveryItem() {
        List<String> many = new ArrayList<>(Collections.nCopies(NarrativeRules.MAX_PARAGRAPHS + 1, "p"));
        String huge = "x".repeat(NarrativeRules.MAX_PARAGRAPH + 1);
        List<FieldError> errors = NarrativeRules.narrative(framework, "2.2", many, List.of(huge), null,
                Collections.nCopies(NarrativeRules.MAX_FACTS + 1, new Fact("2.2.1", null, "{yes}")));
        assertEquals(List.of("strengths", "areasForImprovement[0]", "promptFacts"), fields(errors));
        assertEquals(List.of("recommendations"), fields(NarrativeRules.recommendations(
                Collections.nCopies(NarrativeRules.MAX_RECOMMENDATIONS + 1, new Recommendation("PDU", "r")))));
    }

    @Test
    void recommendationsAndBackground() {
        assertEquals(List.of(), NarrativeRules.recommendations(List.of(new Recommendation("Newham PDU", "Do better."))));
        assertEquals(List.of(), NarrativeRules.recommendations(List.of()), "an empty list clears them");
        assertEquals(List.of("recommendations"), fields(NarrativeRules.recommendations(null)));
        assertEquals(List.of("recommendations[0].addressee", "recommendations[1].text", "recommendations[2]"),
                fields(NarrativeRules.recommendations(java.util.Arrays.asList(new Recommendation(" ", "x"),
                        new Recommendation("HMPPS", null), null))));
        assertEquals(List.of(), NarrativeRules.background(44, 12, List.of("Newham is one of 18 PDUs.")));
        assertEquals(List.of(), NarrativeRules.background(null, null, null));
        List<String> bad = fields(NarrativeRules.background(-1, NarrativeRules.MAX_COUNT + 1, List.of("")));
        assertEquals(List.of("interviewsHeld", "meetingsHeld", "paragraphs[0]"), bad);
        assertTrue(NarrativeRules.PLACEHOLDERS.contains("relevant"));
    }
}
