package uk.probation.inspection.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** A changed answer moves counts both ways; stale versions are ignored; a band crossing is announced. */
@QuarkusTest
class AnswerChangeTest {

    static final String LEAD = "lena";

    @Test
    void changedAnswersMoveCountsAndLiftAssessmentOutOfInadequate() throws Exception {
        UUID id = UUID.randomUUID();
        CaseEventStream stream = CaseEventStream.newham(id, LEAD).send();
        Ratings.awaitJudgements(id, LEAD);
        Map<String, JsonNode> all = Ratings.byId(Ratings.questions(id, LEAD, ""));
        Map<String, JsonNode> youngAdults = Ratings.byId(Ratings.questions(id, LEAD, "?cohort=YOUNG_ADULT"));
        Map<String, JsonNode> community = Ratings.byId(Ratings.questions(id, LEAD, "?cohort=COMMUNITY"));
        Map<String, JsonNode> resettlement = Ratings.byId(Ratings.questions(id, LEAD, "?cohort=RESETTLEMENT"));
        assertEquals(21, all.get("2.2.1").path("yes").asInt());

        // NEW-001 (community, young adult) answered YES to 2.2.1: corrected to NO in version 2.
        stream.answer("NEW-001", "2.2.1", "NO", "YES", 2).send();
        JsonNode ratings = Ratings.await(id, LEAD,
                r -> Ratings.standard(r, "2.2").path("keyQuestions").get(0).path("yes").asInt() == 20);
        JsonNode changed = Ratings.standard(ratings, "2.2").path("keyQuestions").get(0);
        assertEquals(13, changed.path("no").asInt());
        assertEquals(33, changed.path("relevant").asInt());
        assertEquals(61, changed.path("percentage").asInt());
        assertOnlyChange(all, Ratings.byId(Ratings.questions(id, LEAD, "")), 1);
        assertOnlyChange(youngAdults, Ratings.byId(Ratings.questions(id, LEAD, "?cohort=YOUNG_ADULT")), 1);
        assertOnlyChange(community, Ratings.byId(Ratings.questions(id, LEAD, "?cohort=COMMUNITY")), 1);
        assertOnlyChange(resettlement, Ratings.byId(Ratings.questions(id, LEAD, "?cohort=RESETTLEMENT")), 0);

        // A stale version (1, YES again) arriving late is ignored; so is version 2 delivered again with a new id.
        stream.answer("NEW-001", "2.2.1", "YES", null, 1).answer("NEW-001", "2.2.1", "YES", "NO", 2);
        assertEquals("INADEQUATE", Ratings.standard(ratings, "2.2").path("rating").asText());

        // Enough YES on 2.2.2 (one case) and 2.2.3 (five cases) to lift Assessment to 52%: Requires improvement.
        List<String> no222 = casesAnswered("2.2.2", "NO").subList(0, 1);
        List<String> no223 = casesAnswered("2.2.3", "NO").subList(0, 5);
        no222.forEach(c -> stream.answer(c, "2.2.2", "YES", "NO", 2));
        no223.forEach(c -> stream.answer(c, "2.2.3", "YES", "NO", 2));
        stream.send();
        JsonNode lifted = Ratings.await(id, LEAD,
                r -> Ratings.standard(r, "2.2").path("rating").asText().equals("REQUIRES_IMPROVEMENT"));
        JsonNode assessment = Ratings.standard(lifted, "2.2");
        assertEquals(52, assessment.path("lowestKeyQuestion").asInt());
        assertEquals(20, assessment.path("keyQuestions").get(0).path("yes").asInt(), "stale versions ignored");
        assertEquals(17, assessment.path("keyQuestions").get(1).path("yes").asInt());
        assertEquals(17, assessment.path("keyQuestions").get(2).path("yes").asInt());
        assertEquals(7, lifted.path("overall").path("score").asInt());
        assertEquals("REQUIRES_IMPROVEMENT", lifted.path("overall").path("rating").asText());

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            // While loading, judgements come last, so every earlier 2.2 move was out of at most 12 points: the
            // only move of 2.2 with all eight standards rated (24) is the lift.
            List<ConsumerRecord<String, String>> changes = changesOf(id, "2.2");
            ConsumerRecord<String, String> last = changes.get(changes.size() - 1);
            assertEquals(1, changes.stream().filter(r -> r.value().contains("\"maxScore\":24")).count());
            assertEquals("rating.changed", TopicReader.header(last, "ce_type"));
            JsonNode event = CaseEventStream.JSON.readTree(last.value());
            assertEquals(id.toString(), event.path("inspectionId").asText());
            assertEquals("INADEQUATE", event.path("from").asText());
            assertEquals("REQUIRES_IMPROVEMENT", event.path("to").asText());
            assertEquals(7, event.path("score").asInt());
            assertEquals(24, event.path("maxScore").asInt());
        });
    }

    /** Exactly one question (2.2.1) moved one YES to NO in this breakdown, or nothing moved ({@code moved} = 0). */
    static void assertOnlyChange(Map<String, JsonNode> before, Map<String, JsonNode> after, int moved) {
        assertEquals(before.keySet(), after.keySet());
        for (String question : before.keySet()) {
            JsonNode b = before.get(question);
            JsonNode a = after.get(question);
            int shift = question.equals("2.2.1") ? moved : 0;
            assertEquals(b.path("yes").asInt() - shift, a.path("yes").asInt(), question);
            assertEquals(b.path("no").asInt() + shift, a.path("no").asInt(), question);
            assertEquals(b.path("relevant").asInt(), a.path("relevant").asInt(), question);
            assertEquals(b.path("notApplicable").asInt(), a.path("notApplicable").asInt(), question);
        }
    }

    static List<ConsumerRecord<String, String>> changesOf(UUID id, String standardId) {
        return TopicReader.recordsFor("rating-changes", id.toString()).stream().filter(r -> {
            try {
                return CaseEventStream.JSON.readTree(r.value()).path("standardId").asText().equals(standardId);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<String> casesAnswered(String question, String answer) throws Exception {
        return CaseEventStream.csv("answers.csv").rows().stream()
                .filter(r -> r.get("question_id").equals(question) && r.get("answer").equals(answer))
                .map(r -> r.get("case_ref")).toList();
    }
}
