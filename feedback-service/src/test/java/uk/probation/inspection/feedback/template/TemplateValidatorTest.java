package uk.probation.inspection.feedback.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.feedback.Templates;
import uk.probation.inspection.feedback.template.SurveyTemplate.Condition;
import uk.probation.inspection.feedback.template.SurveyTemplate.Demographic;
import uk.probation.inspection.feedback.template.SurveyTemplate.GroupTotal;
import uk.probation.inspection.feedback.template.SurveyTemplate.Question;
import uk.probation.inspection.platform.problem.Problem.FieldError;

class TemplateValidatorTest {

    @Test
    void builtInTemplateIsValidAndHasTheColumnsOfUserVoiceCsv() {
        SurveyTemplate template = Templates.userVoice();
        assertEquals(List.of(), TemplateValidator.validate(template));
        assertEquals(List.of("respondent_id", "channel", "gender", "ethnicity", "age_band", "relationship_works_well",
                "feel_safe_at_office", "happy_with_support", "positives", "issues", "needed_support",
                "helped_by_probation", "asked_for_views", "say_in_how_run", "comments"), template.columns());
    }

    @Test
    void reportsEveryProblemWithItsField() {
        SurveyTemplate bad = new SurveyTemplate("Bad Id!", "", List.of("SURVEY", "SURVEY"),
                List.of(new Demographic("gender", null, List.of(), new GroupTotal("x", List.of("WHITE")))),
                List.of(
                        new Question("gender", "dup", "YES_NO", null, null, null, null, null, null),
                        new Question("q1", "t", "RATING", null, null, null, null, null, null),
                        new Question("q2", "t", "MULTI_CHOICE", List.of(), List.of("NONE"), null, null, null, null),
                        new Question("q3", "t", "YES_NO", List.of("A"), null, new Condition("later", "MAYBE"), null, null, null),
                        new Question("later", "t", "YES_NO", null, null, null, List.of("PHONE"), null, null),
                        new Question("q4", "t", "FREE_TEXT", null, null, new Condition("q2", "YES"), List.of(), null, null),
                        new Question("q5", "", "SINGLE_CHOICE", List.of("A;B", "A", "A"), List.of("A"), null, null, null, null)));
        List<FieldError> errors = TemplateValidator.validate(bad);
        String fields = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("\n"));
        List<String> expected = List.of(
                "id: required",
                "title: required",
                "channels: 'SURVEY' appears twice",
                "demographics[0].values: at least one value is required",
                "demographics[0].total.excluding: 'WHITE' is not one of the values",
                "questions[0].id: 'gender' is used twice",
                "questions[1].type: 'RATING' is not a known type",
                "questions[2].options: at least one value is required",
                "questions[2].exclusiveOptions: 'NONE' is not an option",
                "questions[3].options: only choice questions have options",
                "questions[3].when.question: 'later' is not an earlier yes/no question",
                "questions[3].when.answer: must be YES or NO",
                "questions[4].channels: 'PHONE' is not one of the template's channels",
                "questions[5].when.question: 'q2' is not an earlier yes/no question",
                "questions[5].channels: leave it out to ask on every channel",
                "questions[6].text: required",
                "questions[6].options: 'A;B' is not a valid value",
                "questions[6].options: 'A' appears twice",
                "questions[6].exclusiveOptions: only multiple-choice questions have them");
        for (String e : expected) {
            assertTrue(fields.contains(e), "missing \"" + e + "\" in:\n" + fields);
        }
        assertEquals(expected.size(), errors.size(), fields);
    }

    @Test
    void reportPhrasesBelongToTheirQuestionTypeAndOptionsAndHoldOnlyKnownPlaceholders() {
        SurveyTemplate bad = new SurveyTemplate("ok-id", "t", List.of("SURVEY"), List.of(), List.of(
                new Question("q1", "t", "YES_NO", null, null, null, null, "{n} of {m} agreed", null),
                new Question("q2", "t", "YES_NO", null, null, null, null, " ", Map.of("A", "x")),
                new Question("q3", "t", "MULTI_CHOICE", List.of("A", "B"), null, null, null, "agreed",
                        Map.of("A", "{count} chose A", "C", "chose C", "B", "x".repeat(301))),
                new Question("q4", "t", "SINGLE_CHOICE", List.of("A"), null, null, null, null, Map.of("A", "{n} chose A"))));
        String fields = TemplateValidator.validate(bad).stream().map(e -> e.field() + ": " + e.message()).sorted()
                .collect(Collectors.joining("\n"));
        assertEquals(String.join("\n",
                "questions[1].optionPhrases: only choice questions have them",
                "questions[1].reportPhrase: must not be empty (leave it out for the plain line)",
                "questions[2].optionPhrases.A: may hold only the placeholders {n}, {m} and {inFive}",
                "questions[2].optionPhrases.B: is longer than 300 characters",
                "questions[2].optionPhrases: 'C' is not an option",
                "questions[2].reportPhrase: only yes/no questions have one; a choice question words each option in"
                        + " optionPhrases"), fields);
    }

    @Test
    void theBuiltInTemplateWordsTheNewhamFiguresForTheReport() {
        SurveyTemplate template = Templates.userVoice();
        assertEquals("were happy with the overall support they received",
                template.question("happy_with_support").orElseThrow().reportPhrase());
        assertEquals("{n} of the {m} who needed support said they had been helped",
                template.question("helped_by_probation").orElseThrow().reportPhrase());
        assertEquals("{n} of {m} raised appointments as an issue",
                template.question("issues").orElseThrow().optionPhrase("APPOINTMENTS"));
        assertEquals(null, template.question("issues").orElseThrow().optionPhrase("INDUCTION"));
    }

    @Test
    void missingQuestionsAndNullTemplateAreReported() {
        assertEquals("questions", TemplateValidator.validate(
                new SurveyTemplate("ok-id", "t", List.of("SURVEY"), List.of(), List.of())).get(0).field());
        assertEquals(1, TemplateValidator.validate(null).size());
    }
}
