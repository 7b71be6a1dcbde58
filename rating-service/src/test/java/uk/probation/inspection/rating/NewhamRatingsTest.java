package uk.probation.inspection.rating;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.GoldenData;
import uk.probation.inspection.infra.test.TestTokens;

/** Every figure of expected-ratings.json, from the Newham event stream on the real broker. */
@QuarkusTest
class NewhamRatingsTest {

    static final String LEAD = "lena";

    @Test
    void newhamEventStreamReproducesThePublishedRatings() throws Exception {
        UUID id = UUID.randomUUID();
        CaseEventStream.newham(id, LEAD).send();
        JsonNode ratings = Ratings.awaitJudgements(id, LEAD);
        JsonNode expected = CaseEventStream.JSON.readTree(Files.readString(GoldenData.newham("expected-ratings.json")));

        assertEquals(id.toString(), ratings.path("inspectionId").asText());
        assertEquals(expected.path("inspection").asText(), ratings.path("name").asText());
        assertEquals(expected.path("region").asText(), ratings.path("region").asText());
        assertEquals(expected.path("framework").asText(), ratings.path("frameworkId").asText());
        assertEquals(expected.path("overall"), ratings.path("overall"));

        Map<String, JsonNode> keyQuestions = new HashMap<>();
        for (JsonNode standard : ratings.path("standards")) {
            assertEquals(expected.path("standards").path(standard.path("id").asText()).asText(),
                    standard.path("rating").asText(), "standard " + standard.path("id").asText());
            standard.path("keyQuestions").forEach(q -> keyQuestions.put(q.path("id").asText(), q));
        }
        assertEquals(expected.path("standards").size(), ratings.path("standards").size());
        assertEquals(36, Ratings.standard(ratings, "2.2").path("lowestKeyQuestion").asInt());
        assertEquals(30, Ratings.standard(ratings, "2.5").path("lowestKeyQuestion").asInt());
        assertTrue(Ratings.standard(ratings, "2.1").path("lowestKeyQuestion").isNull());
        JsonNode court = keyQuestions.get("2.1.1");
        assertEquals(0, court.path("relevant").asInt());
        assertEquals(33, court.path("notApplicable").asInt());
        assertTrue(court.path("percentage").isNull());

        assertNewhamConfidence(ratings);

        Map<String, JsonNode> all = Ratings.byId(Ratings.questions(id, LEAD, ""));
        int keyQuestionsChecked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("questions").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> figure = it.next();
            JsonNode tally = all.get(figure.getKey());
            assertFigure(figure.getKey(), figure.getValue(), tally);
            assertEquals(figure.getValue().path("percentage").asInt(), tally.path("percentage").asInt(), figure.getKey());
            if (keyQuestions.containsKey(figure.getKey())) {
                JsonNode key = keyQuestions.get(figure.getKey());
                assertFigure(figure.getKey(), figure.getValue(), key);
                assertEquals(figure.getValue().path("percentage").asInt(), key.path("percentage").asInt());
                assertEquals(key.path("relevant").asInt(), key.path("yes").asInt() + key.path("no").asInt());
                keyQuestionsChecked++;
            }
        }
        assertEquals(13, keyQuestionsChecked);

        for (Iterator<Map.Entry<String, JsonNode>> cohorts = expected.path("cohorts").fields(); cohorts.hasNext();) {
            Map.Entry<String, JsonNode> cohort = cohorts.next();
            Map<String, JsonNode> tallies = Ratings.byId(Ratings.questions(id, LEAD, "?cohort=" + cohort.getKey()));
            cohort.getValue().fields().forEachRemaining(
                    figure -> assertFigure(cohort.getKey() + " " + figure.getKey(), figure.getValue(),
                            tallies.get(figure.getKey())));
        }
        // Resettlement and community cases together are every case.
        Map<String, JsonNode> community = Ratings.byId(Ratings.questions(id, LEAD, "?cohort=COMMUNITY"));
        Map<String, JsonNode> resettlement = Ratings.byId(Ratings.questions(id, LEAD, "?cohort=RESETTLEMENT"));
        for (String question : all.keySet()) {
            assertEquals(all.get(question).path("yes").asInt(),
                    community.get(question).path("yes").asInt() + resettlement.get(question).path("yes").asInt());
            assertEquals(all.get(question).path("relevant").asInt(),
                    community.get(question).path("relevant").asInt() + resettlement.get(question).path("relevant").asInt());
        }
        Map<String, JsonNode> male = Ratings.byId(Ratings.questions(id, LEAD, "?gender=male"));
        assertEquals(all.get("2.2.1"), male.get("2.2.1")); // every Newham case in the sample is male

        // The compacted topic's latest snapshot is the current state, the same JSON as GET.
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> snapshots = TopicReader.recordsFor("inspection-ratings", id.toString());
            assertFalse(snapshots.isEmpty());
            ConsumerRecord<String, String> last = snapshots.get(snapshots.size() - 1);
            assertEquals("rating.snapshot", TopicReader.header(last, "ce_type"));
            assertEquals("/rating-service", TopicReader.header(last, "ce_source"));
            assertEquals(Ratings.get(id, LEAD), CaseEventStream.JSON.readTree(last.value()));
            // coalesced: far fewer snapshots than the 1,300 events that changed the ratings
            assertTrue(snapshots.size() < 200, "snapshots: " + snapshots.size());
        });
    }

    /**
     * How sure Newham's ratings are (worked by hand from the counts, intervals in ConfidenceTest's formula): 2.2 at
     * 12/33 (22.2–53.4%) could be Requires improvement, 2.4 at 9/33 (15.1–44.2%) and 2.5 at 10/33 (17.4–47.3%) could
     * not; moving 2.2 up takes 2.2.2 16 → 17 and 2.2.3 12 → 17 (6 answers).
     */
    static void assertNewhamConfidence(JsonNode ratings) {
        JsonNode assessment = Ratings.standard(ratings, "2.2");
        assertFalse(assessment.path("settled").asBoolean(true));
        assertEquals(6, assessment.path("changesToMove").path("up").asInt());
        assertTrue(assessment.path("changesToMove").has("down") && assessment.path("changesToMove").path("down").isNull());
        JsonNode lowest = assessment.path("keyQuestions").get(2);
        assertEquals(22.2, lowest.path("interval").path("low").asDouble());
        assertEquals(53.4, lowest.path("interval").path("high").asDouble());
        assertEquals(46.6, assessment.path("keyQuestions").get(0).path("interval").path("low").asDouble());
        assertFalse(Ratings.standard(ratings, "2.3").path("settled").asBoolean(true));
        assertEquals(5, Ratings.standard(ratings, "2.3").path("changesToMove").path("up").asInt());
        assertTrue(Ratings.standard(ratings, "2.4").path("settled").asBoolean(false));
        assertEquals(18, Ratings.standard(ratings, "2.4").path("changesToMove").path("up").asInt());
        assertTrue(Ratings.standard(ratings, "2.5").path("settled").asBoolean(false));
        assertEquals(15, Ratings.standard(ratings, "2.5").path("changesToMove").path("up").asInt());
        // Nothing to be sure of: no relevant case (2.1), a judgement (1.1), not rated (2.6: interval only).
        for (String none : List.of("2.1", "1.1", "2.6")) {
            assertFalse(Ratings.standard(ratings, none).has("settled"), none);
            assertFalse(Ratings.standard(ratings, none).has("changesToMove"), none);
        }
        assertFalse(Ratings.standard(ratings, "2.1").path("keyQuestions").get(0).has("interval"));
        assertEquals(15.1, Ratings.standard(ratings, "2.6").path("keyQuestions").get(0).path("interval").path("low").asDouble());
    }

    static void assertFigure(String what, JsonNode expected, JsonNode actual) {
        assertEquals(expected.path("yes").asInt(), actual.path("yes").asInt(), what + " yes");
        assertEquals(expected.path("relevant").asInt(), actual.path("relevant").asInt(), what + " relevant");
    }

    /** The lead's token reads everything of the inspection. */
    static String token(String user) {
        return TestTokens.token(user, "lead-inspector");
    }
}
