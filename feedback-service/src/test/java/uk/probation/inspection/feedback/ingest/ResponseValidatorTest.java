package uk.probation.inspection.feedback.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.feedback.Templates;
import uk.probation.inspection.feedback.template.SurveyTemplate;
import uk.probation.inspection.platform.problem.Problem.FieldError;

class ResponseValidatorTest {

    private final SurveyTemplate template = Templates.userVoice();
    private final ResponseValidator validator = new ResponseValidator(template);

    /** A valid survey row; {@code changes} overwrite cells. */
    private Map<String, Object> row(String id, Object... changes) {
        Map<String, Object> cells = new LinkedHashMap<>();
        template.columns().forEach(c -> cells.put(c, ""));
        cells.putAll(Map.of("respondent_id", id, "channel", "SURVEY", "gender", "MALE", "ethnicity", "WHITE",
                "age_band", "26-35", "happy_with_support", "YES", "positives", "RELATIONSHIP;FLEXIBILITY",
                "needed_support", "YES", "helped_by_probation", "NO", "comments", "Fine."));
        for (int i = 0; i < changes.length; i += 2) {
            cells.put((String) changes[i], changes[i + 1]);
        }
        return cells;
    }

    private String errors(RawRow... rows) {
        ResponseValidator.Result result = validator.validate(List.of(rows));
        return result.errors().stream().map(e -> e.line() + "/" + e.field() + ": " + e.message())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void validRowBecomesARespondentWithCanonicalAnswersAndSeparateFreeText() {
        ResponseValidator.Result result = validator.validate(List.of(
                RawRow.csv(2, row("UV-1", "positives", "FLEXIBILITY;RELATIONSHIP", "issues", ""))));
        assertTrue(result.valid(), result.errors().toString());
        Respondent r = result.respondents().get(0);
        assertEquals("UV-1", r.id());
        assertEquals("SURVEY", r.channel());
        assertEquals("RELATIONSHIP;FLEXIBILITY", r.answers().get("positives")); // template order
        assertTrue(!r.answers().containsKey("issues"), "empty cell = not answered");
        assertTrue(!r.answers().containsKey("comments"));
        assertEquals(Map.of("comments", "Fine."), r.freeText());
    }

    @Test
    void eachRuleIsNamedByLineAndColumn() {
        String errors = errors(
                RawRow.csv(2, row("UV-1", "gender", "ROBOT")),
                RawRow.csv(3, row("UV-2", "happy_with_support", "MAYBE")),
                RawRow.csv(4, row("UV-3", "positives", "NONE;RELATIONSHIP")),
                RawRow.csv(5, row("UV-4", "issues", "APPOINTMENTS;PARKING")),
                RawRow.csv(6, row("UV-5", "needed_support", "NO", "helped_by_probation", "YES")),
                RawRow.csv(7, row("UV-6", "needed_support", "", "helped_by_probation", "YES")),
                RawRow.csv(8, row("UV-7", "say_in_how_run", "NO")),
                RawRow.csv(9, row("UV-1")),
                RawRow.csv(10, row("", "channel", "PHONE")),
                RawRow.csv(11, row("UV-8", "issues", "OTHER;;INDUCTION", "positives", "OTHER;OTHER")));
        List<String> expected = List.of(
                "2/gender: 'ROBOT' is not one of",
                "3/happy_with_support: 'MAYBE' is not YES or NO",
                "4/positives: 'NONE' cannot be combined with other options",
                "5/issues: 'PARKING' is not one of",
                "6/helped_by_probation: answered, but it is asked only when needed_support is YES (here NO)",
                "7/helped_by_probation: answered, but it is asked only when needed_support is YES (here not answered)",
                "8/say_in_how_run: answered, but it is asked only on [INTERVIEW] (this row's channel is SURVEY)",
                "9/respondent_id: respondent 'UV-1' appears twice in this request (first at line 2)",
                "10/respondent_id: required",
                "10/channel: 'PHONE' is not one of [SURVEY, INTERVIEW]",
                "11/issues: an empty option",
                "11/positives: 'OTHER' is chosen twice");
        for (String e : expected) {
            assertTrue(errors.contains(e), "missing \"" + e + "\" in:\n" + errors);
        }
        assertEquals(expected.size(), errors.lines().count(), errors);
    }

    @Test
    void interviewOnlyQuestionIsAcceptedOnAnInterview() {
        assertEquals("", errors(RawRow.csv(2, row("UV-1", "channel", "INTERVIEW", "say_in_how_run", "NO"))));
    }

    @Test
    void nothingIsReturnedWhenAnyRowIsBad() {
        ResponseValidator.Result result = validator.validate(List.of(RawRow.csv(2, row("UV-1")),
                RawRow.csv(3, row("UV-2", "gender", "x"))));
        assertEquals(List.of(), result.respondents());
        assertEquals(1, result.errors().size());
    }

    @Test
    void columnsAreCheckedBothWays() {
        List<String> header = new ArrayList<>(template.columns());
        header.remove("age_band");
        header.add("agee_band");
        List<FieldError> errors = validator.checkColumns(header, RawRow.csv(1, Map.of()));
        assertEquals(2, errors.size());
        assertTrue(errors.get(0).message().startsWith("unknown column 'agee_band'"));
        assertEquals(1, errors.get(0).line());
        assertEquals("missing column 'age_band'", errors.get(1).message());
    }

    @Test
    void jsonRowsTakeArraysAndNameTheirIndex() {
        Map<String, Object> cells = row("UV-1", "positives", List.of("FLEXIBILITY", "RELATIONSHIP"),
                "issues", List.of("NONE", "OTHER"), "gender", null, "age_band", 35);
        ResponseValidator.Result result = validator.validate(List.of(RawRow.json(0, cells)));
        assertEquals(List.of("[0].issues: 'NONE' cannot be combined with other options",
                "[0].age_band: must be a string"),
                result.errors().stream().map(e -> e.field() + ": " + e.message()).sorted(
                        (a, b) -> a.contains("issues") ? -1 : 1).toList());
    }
}
