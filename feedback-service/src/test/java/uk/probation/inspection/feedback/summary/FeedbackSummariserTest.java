package uk.probation.inspection.feedback.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.feedback.Templates;
import uk.probation.inspection.feedback.ingest.StoredResponse;

class FeedbackSummariserTest {

    private final FeedbackSummariser summariser = new FeedbackSummariser(Templates.userVoice());

    private static StoredResponse r(String id, String channel, String gender, String happy, String positives) {
        Map<String, String> answers = new java.util.HashMap<>();
        answers.put("gender", gender);
        if (happy != null) {
            answers.put("happy_with_support", happy);
        }
        if (positives != null) {
            answers.put("positives", positives);
        }
        return new StoredResponse(id, channel, answers);
    }

    private final List<StoredResponse> responses = List.of(
            r("1", "SURVEY", "MALE", "YES", "NONE"),
            r("2", "SURVEY", "MALE", "NO", "RELATIONSHIP;OTHER"),
            r("3", "INTERVIEW", "FEMALE", null, null));

    @Test
    void countsYesOfAnsweredAndSelectedOfAnswered() {
        Map<String, Object> summary = summariser.summary(responses);
        assertEquals(3, summary.get("respondents"));
        assertEquals(Map.of("SURVEY", 2L, "INTERVIEW", 1L), summary.get("channels"));
        assertEquals(Map.of("MALE", 2L, "FEMALE", 1L), summary.get("gender"));
        Map<?, ?> questions = (Map<?, ?>) summary.get("questions");
        assertEquals(Map.of("yes", 1, "answered", 2), questions.get("happy_with_support"));
        assertEquals(Map.of("yes", 0, "answered", 0), questions.get("asked_for_views"));
        Map<?, ?> options = (Map<?, ?>) summary.get("options");
        assertEquals(Map.of("selected", 1, "answered", 2), options.get("positives.NONE"));
        assertEquals(Map.of("selected", 1, "answered", 2), options.get("positives.OTHER"));
        assertEquals(Map.of("selected", 0, "answered", 0), options.get("issues.APPOINTMENTS"));
        Map<?, ?> nested = (Map<?, ?>) ((Map<?, ?>) summary.get("optionsByQuestion")).get("positives");
        assertEquals(Map.of("selected", 1, "answered", 2), nested.get("RELATIONSHIP"));
    }

    @Test
    void breakdownShowsWhatIsNotWithheld() {
        Map<?, ?> open = (Map<?, ?>) summariser.breakdown(responses, "gender", Withheld.nothing()).get("groups");
        Map<?, ?> male = (Map<?, ?>) open.get("MALE");
        assertEquals(2, male.get("respondents"));
        assertEquals(Map.of("yes", 1, "answered", 2), ((Map<?, ?>) male.get("questions")).get("happy_with_support"));

        Withheld withheld = new Withheld(5, false, Map.of("gender", Set.of("MALE")),
                Map.of("MALE", Set.of("happy_with_support", "positives.NONE")));
        Map<?, ?> hidden = (Map<?, ?>) summariser.breakdown(responses, "gender", withheld).get("groups");
        Map<?, ?> maleHidden = (Map<?, ?>) hidden.get("MALE");
        assertEquals(Suppression.SUPPRESSED, maleHidden.get("respondents"));
        assertEquals(Suppression.SUPPRESSED, ((Map<?, ?>) maleHidden.get("questions")).get("happy_with_support"));
        assertEquals(Suppression.SUPPRESSED, ((Map<?, ?>) maleHidden.get("options")).get("positives.NONE"));
        assertEquals(Suppression.SUPPRESSED,
                ((Map<?, ?>) ((Map<?, ?>) maleHidden.get("optionsByQuestion")).get("positives")).get("NONE"));
        // Only what the Withheld names is replaced.
        assertEquals(Map.of("yes", 0, "answered", 0), ((Map<?, ?>) maleHidden.get("questions")).get("feel_safe_at_office"));
        assertEquals(1, ((Map<?, ?>) hidden.get("FEMALE")).get("respondents"));
    }

    @Test
    void summaryCarriesOptionsFlatAndNestedPerQuestion() {
        Map<String, Object> summary = summariser.summary(responses);
        Map<?, ?> flat = (Map<?, ?>) summary.get("options");
        Map<?, ?> nested = (Map<?, ?>) summary.get("optionsByQuestion");
        int options = 0;
        for (var question : Templates.userVoice().questions()) {
            if (question.questionType().hasOptions()) {
                for (String option : question.options()) {
                    assertEquals(flat.get(question.id() + "." + option), ((Map<?, ?>) nested.get(question.id())).get(option));
                    options++;
                }
            }
        }
        assertEquals(options, flat.size());
        assertEquals(11, options);
    }

    @Test
    void suppressionLooksAtCountComplementAndBase() {
        Suppression s = new Suppression(5);
        assertEquals(false, s.hides(5, 10));
        assertEquals(true, s.hides(4, 20));
        assertEquals(true, s.hides(17, 20)); // 3 said no
        assertEquals(true, s.hides(0, 40)); // everyone's answer would be known
        assertEquals(false, Suppression.none().hides(0, 1));
    }
}
