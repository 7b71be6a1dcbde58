package uk.probation.inspection.rating;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.infra.test.TestTokens;

/** REST reads of rating-service as a lead inspector on the team. */
public final class Ratings {

    private Ratings() {
    }

    public static String body(String path, String user) {
        return given().auth().oauth2(TestTokens.token(user, "lead-inspector")).get(path)
                .then().statusCode(200).extract().asString();
    }

    public static JsonNode get(UUID id, String user) throws Exception {
        return CaseEventStream.JSON.readTree(body("/inspections/" + id + "/ratings", user));
    }

    public static JsonNode questions(UUID id, String user, String query) throws Exception {
        return CaseEventStream.JSON.readTree(body("/inspections/" + id + "/questions" + query, user));
    }

    public static Map<String, JsonNode> byId(JsonNode rows) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        rows.forEach(row -> result.put(row.path("id").asText(), row));
        return result;
    }

    public static JsonNode standard(JsonNode ratings, String standardId) {
        for (JsonNode standard : ratings.path("standards")) {
            if (standard.path("id").asText().equals(standardId)) {
                return standard;
            }
        }
        throw new AssertionError("no standard " + standardId);
    }

    /** Waits until the ratings satisfy {@code condition} (events are applied asynchronously), and returns them. */
    public static JsonNode await(UUID id, String user, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            int status = given().auth().oauth2(TestTokens.token(user, "lead-inspector"))
                    .get("/inspections/" + id + "/ratings").statusCode();
            if (status != 200) {
                return false;
            }
            last[0] = get(id, user);
            return condition.test(last[0]);
        });
        return last[0];
    }

    /** The Newham stream ends with the four judgements: once 1.4 is rated, every earlier event is applied. */
    public static JsonNode awaitJudgements(UUID id, String user) {
        return await(id, user, r -> standard(r, "1.4").path("rating").asText().equals("GOOD"));
    }
}
