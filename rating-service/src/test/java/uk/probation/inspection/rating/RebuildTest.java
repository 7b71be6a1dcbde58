package uk.probation.inspection.rating;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.TestTokens;

/** POST /admin/rebuild drops the projection and replays case-events to the same state, byte for byte. */
@QuarkusTest
class RebuildTest {

    static final String LEAD = "rhea";

    @Test
    void rebuildReproducesTheStateByteForByte() throws Exception {
        UUID id = UUID.randomUUID();
        CaseEventStream stream = new CaseEventStream(id).opened("Rebuild PDU", "Wales", "Cardiff", LEAD)
                .teamMember(LEAD, "LEAD")
                .caseRegistered("R-1", "COMMUNITY", true, "FEMALE", "White", "LOW")
                .caseRegistered("R-2", "RESETTLEMENT", false, "MALE", "Asian or Asian British", "HIGH")
                .caseRegistered("R-3", "COMMUNITY", false, "MALE", "Mixed", "VERY_HIGH");
        String[] answers = {"YES", "NO", "NOT_APPLICABLE"};
        int n = 0;
        for (String caseRef : List.of("R-1", "R-2", "R-3")) {
            for (String question : List.of("2.2.1", "2.2.1a", "2.2.2", "2.2.3", "2.3.1", "2.4.1", "2.5.1", "2.6.1")) {
                stream.answer(caseRef, question, answers[n++ % 3], null, 1);
            }
        }
        stream.answer("R-1", "2.2.2", "YES", "NO", 2).answer("R-1", "2.2.2", "NO", null, 1) // change, then stale
                .judgement("1.1", "GOOD", null, 1).judgement("1.1", "OUTSTANDING", "GOOD", 2).published(LEAD);
        List<ProducerRecord<String, String>> records = new ArrayList<>(stream.records);
        records.add(stream.records.get(5)); // a duplicate
        CaseEventStream.sendAll(records);
        Ratings.await(id, LEAD, r -> Ratings.standard(r, "1.1").path("rating").asText().equals("OUTSTANDING"));

        Map<String, String> before = documents(id);
        assertTrue(before.get("ratings").contains("\"OUTSTANDING\""));

        JsonNode report = CaseEventStream.JSON.readTree(given().auth().oauth2(TestTokens.token("ada", "admin"))
                .post("/admin/rebuild").then().statusCode(200).extract().asString());
        assertTrue(report.path("eventsRead").asLong() >= records.size(), report.toString());
        assertTrue(report.path("duplicatesSkipped").asLong() >= 1, report.toString());
        assertTrue(report.path("inspections").asLong() >= 1, report.toString());

        Map<String, String> after = documents(id);
        assertEquals(before, after);

        // The live consumer carries on after the rebuild (R-2 had NOT_APPLICABLE on 2.2.3).
        int yesBefore = Ratings.standard(CaseEventStream.JSON.readTree(before.get("ratings")), "2.2")
                .path("keyQuestions").get(2).path("yes").asInt();
        new CaseEventStream(id).answer("R-2", "2.2.3", "YES", "NOT_APPLICABLE", 2).send();
        Ratings.await(id, LEAD, r -> Ratings.standard(r, "2.2").path("keyQuestions").get(2).path("yes").asInt()
                == yesBefore + 1);
    }

    @Test
    void rebuildIsForAdminsOnly() {
        given().post("/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("ian", "inspector")).post("/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("vic", "viewer")).post("/admin/rebuild").then().statusCode(403);
    }

    @Test
    void latencyAndLagAreExposedAsMetrics() throws Exception {
        UUID id = UUID.randomUUID();
        new CaseEventStream(id).opened("Metrics PDU", "Wales", "Swansea", LEAD).send();
        Ratings.await(id, LEAD, r -> true);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("rating_event_latency_seconds_count"))
                .body(containsString("rating_consumer_lag"));
    }

    private static Map<String, String> documents(UUID id) {
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("ratings", Ratings.body("/inspections/" + id + "/ratings", LEAD));
        for (String query : List.of("", "?cohort=COMMUNITY", "?cohort=RESETTLEMENT", "?cohort=YOUNG_ADULT",
                "?gender=FEMALE", "?roshLevel=HIGH", "?ethnicity=Mixed")) {
            documents.put(query, Ratings.body("/inspections/" + id + "/questions" + query, LEAD));
        }
        documents.put("region", Ratings.body("/regions/Wales/ratings", LEAD));
        return documents;
    }
}
