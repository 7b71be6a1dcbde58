package uk.probation.inspection.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.events.cases.SecondAnswerRecorded;
import uk.probation.inspection.events.cases.SecondReadingAssigned;
import uk.probation.inspection.events.cases.SecondReadingResolved;

/** Second readings never enter the ratings: rating-service reads past them; only a changed first answer moves them. */
@QuarkusTest
class SecondReadingIgnoredTest {

    @Test
    void secondAnswersAreIgnoredAndTheStreamGoesOn() throws Exception {
        UUID id = UUID.randomUUID();
        new CaseEventStream(id).opened("QA PDU", "London", "QA", "lena").teamMember("lena", "LEAD")
                .caseRegistered("Q-1", "COMMUNITY", false, "MALE", "WHITE", "LOW")
                .answer("Q-1", "2.2.1", "YES", null, 1)
                .add(new SecondReadingAssigned(id, "Q-1", "quinn", "lena"))
                .add(new SecondAnswerRecorded(id, "Q-1", "2.2.1", "NO", null, 1, "quinn"))
                .add(new SecondReadingResolved(id, "Q-1", "2.2.1", "YES", "NO", "KEPT", "YES", "The plan names it.", "lena"))
                .answer("Q-1", "2.2.2", "NO", null, 1) // after them in the partition: once seen, they were passed
                .send();
        JsonNode ratings = Ratings.await(id, "lena", r -> keyQuestion(r, "2.2.2").path("no").asInt() == 1);
        JsonNode first = keyQuestion(ratings, "2.2.1");
        assertEquals(1, first.path("yes").asInt());
        assertEquals(0, first.path("no").asInt(), "the second reader's NO is not counted");
        assertEquals(0, TopicReader.recordsFor("case-events.dlq.rating-service", id.toString()).size(),
                "ignored, not dead letters");
    }

    static JsonNode keyQuestion(JsonNode ratings, String id) {
        for (JsonNode q : Ratings.standard(ratings, id.substring(0, 3)).path("keyQuestions")) {
            if (q.path("id").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError(id);
    }
}
