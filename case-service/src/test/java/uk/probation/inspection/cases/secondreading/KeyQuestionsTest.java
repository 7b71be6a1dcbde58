package uk.probation.inspection.cases.secondreading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.secondreading.SecondReadingService.KeyQuestion;

/** A second reader is asked only the key questions that apply to the case, by the standards' appliesTo. */
class KeyQuestionsTest {

    static Framework framework(String id) throws IOException {
        try (InputStream in = KeyQuestionsTest.class.getResourceAsStream("/frameworks/" + id + ".json")) {
            return new ObjectMapper().readValue(in, Framework.class);
        }
    }

    static List<String> ids(List<KeyQuestion> questions) {
        return questions.stream().map(KeyQuestion::id).toList();
    }

    @Test
    void aYouthCaseIsAskedTheDomainOfItsDisposalOnly() throws IOException {
        Framework youth = framework("hmip-youth-justice-2021");
        List<String> court = ids(KeyQuestions.applicableTo(youth, Map.of("disposal", "COURT")));
        List<String> outOfCourt = ids(KeyQuestions.applicableTo(youth, Map.of("disposal", "OUT_OF_COURT")));
        assertEquals(List.of("2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.4.1",
                "2.4.2", "2.4.3"), court);
        assertEquals(List.of("3.1.1", "3.1.2", "3.1.3", "3.2.1", "3.2.2", "3.2.3", "3.3.1", "3.3.2", "3.3.3"), outOfCourt);
        assertEquals(21, KeyQuestions.all(youth).size(), "both domains when no case is in view (the agreement's order)");
        assertEquals(List.of(), KeyQuestions.applicableTo(youth, Map.of()), "disposal not recorded: none applies");
    }

    @Test
    void withoutAppliesToEveryKeyQuestionApplies() throws IOException {
        Framework probation = framework("hmip-probation-pdu-2021");
        assertEquals(ids(KeyQuestions.all(probation)), ids(KeyQuestions.applicableTo(probation, Map.of("cohort", "COMMUNITY"))));
    }
}
