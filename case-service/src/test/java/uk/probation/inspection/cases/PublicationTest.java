package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;
import uk.probation.inspection.cases.support.CaseEventsReader.Event;
import uk.probation.inspection.cases.support.EventSchemas;

/**
 * The publication lifecycle (docs/publication.md): preconditions, the freeze while SCHEDULED or PUBLISHED, audited
 * reopening, publication versions, and an embargo that lifts by itself.
 */
@QuarkusTest
class PublicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification viewer() {
        return Api.as("vera", "viewer", "London");
    }

    @Test
    void publishingRefusesEveryUnmetPreconditionAndChangesNothing() throws Exception {
        String id = Api.openInspection("lena", "Unready PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 2));
        Api.lead("lena").contentType("application/json").body(Map.of("answer", "NOT_APPLICABLE"))
                .put("/inspections/" + id + "/cases/NEW-001/answers/2.1.1").then().statusCode(200);
        Api.lead("lena").contentType("application/json").body(Map.of("rating", "GOOD", "rationale", "Fine."))
                .put("/inspections/" + id + "/judgements/1.2").then().statusCode(200);
        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            int before = reader.awaitAtLeast(6, Duration.ofSeconds(30)).size();
            Api.lead("lena").post("/inspections/" + id + "/publish").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Not ready to publish"))
                    // 3 judgements and 2 cases x 13 key questions less the one answered
                    .body("errors", hasSize(3 + 2 * 13 - 1))
                    .body("errors.field", hasItems("judgements/1.1", "judgements/1.3", "judgements/1.4",
                            "cases/NEW-001/answers/2.2.1", "cases/NEW-002/answers/2.1.1",
                            "cases/NEW-002/answers/2.5.3"))
                    .body("errors.field", not(hasItem("judgements/1.2")))
                    .body("errors.field", not(hasItem("cases/NEW-001/answers/2.1.1")))
                    // prompts are not required
                    .body("errors.field", not(hasItem("cases/NEW-001/answers/2.2.1a")));
            Api.lead("lena").get("/inspections/" + id).then().statusCode(200).body("status", equalTo("OPEN"))
                    .body("publicationVersion", nullValue());
            Thread.sleep(500);
            assertEquals(before, reader.events().size(), "a refused publication emits nothing");
        }
        Api.makeReady("lena", id);
        Api.lead("lena").post("/inspections/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publicationVersion", equalTo(1));
    }

    @Test
    void aPublishedInspectionIsFrozenUntilReopenedAndViewersKeepThePublishedVersion() throws Exception {
        String id = Api.openInspection("lena", "Frozen PDU", "London");
        String base = "/inspections/" + id;
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 2));
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR")).put(base + "/team/ivan")
                .then().statusCode(200);
        Api.makeReady("lena", id);
        viewer().get(base).then().statusCode(404);

        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            Api.lead("lena").contentType("application/json").body("{}").post(base + "/publish").then().statusCode(200)
                    .body("status", equalTo("PUBLISHED")).body("publicationVersion", equalTo(1))
                    .body("publishedBy", equalTo("lena"));
            Event published = awaitType(reader, "inspection.published");
            int count = reader.events().size();
            EventSchemas.assertValid(published.type(), published.data());
            JsonNode data = JSON.readTree(published.data());
            assertEquals(1, data.get("publicationVersion").asInt());
            assertEquals(false, data.get("scheduled").asBoolean());

            // Every write is refused, and nothing is stored or emitted.
            String frozen = "reopen it to change it";
            Api.inspector("ivan").contentType("application/json").body(Map.of("answer", "NO"))
                    .put(base + "/cases/NEW-001/answers/2.2.1").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString(frozen));
            Api.inspector("ivan").contentType("text/csv").body("case_ref,question_id,answer\nNEW-001,2.2.1,NO\n")
                    .post(base + "/answers").then().statusCode(409).body("detail", containsString(frozen));
            Api.lead("lena").contentType("text/csv").body(Api.goldenHead("cases.csv", 3)).post(base + "/cases")
                    .then().statusCode(409).body("detail", containsString(frozen));
            Api.lead("lena").contentType("application/json").body(Map.of("rating", "INADEQUATE", "rationale", "No."))
                    .put(base + "/judgements/1.1").then().statusCode(409).body("detail", containsString(frozen));
            Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                    .put(base + "/team/oscar").then().statusCode(409).body("detail", containsString(frozen));
            Api.lead("lena").delete(base + "/team/ivan").then().statusCode(409);
            Api.lead("lena").post(base + "/publish").then().statusCode(409);
            Api.lead("lena").get(base + "/cases/NEW-001").then().statusCode(200)
                    .body("answers.find { it.questionId == '2.2.1' }.answer", equalTo("YES"))
                    .body("answers.find { it.questionId == '2.2.1' }.version", equalTo(1));
            Api.lead("lena").get(base + "/cases").then().body("$", hasSize(2));
            Api.lead("lena").get(base + "/team").then().body("username", hasItem("ivan"))
                    .body("username", not(hasItem("oscar")));
            Api.lead("lena").get(base + "/judgements").then()
                    .body("find { it.standardId == '1.1' }.rating", equalTo("GOOD"));
            Thread.sleep(500);
            assertEquals(count, reader.events().size(), "no event while published");

            // Reopening needs a reason and a lead; it is audited and announced.
            Api.lead("lena").contentType("application/json").body("{}").post(base + "/reopen").then()
                    .statusCode(422).body("errors[0].field", equalTo("reason"));
            Api.inspector("ivan").contentType("application/json").body(Map.of("reason", "typo"))
                    .post(base + "/reopen").then().statusCode(403);
            Api.lead("lena").contentType("application/json").body(Map.of("reason", "Case NEW-001 was misread"))
                    .post(base + "/reopen").then().statusCode(200).body("status", equalTo("OPEN"))
                    .body("publicationVersion", equalTo(1));
            Api.lead("lena").contentType("application/json").body(Map.of("reason", "again"))
                    .post(base + "/reopen").then().statusCode(409);
            Event reopened = awaitType(reader, "inspection.reopened");
            EventSchemas.assertValid(reopened.type(), reopened.data());
            JsonNode reopenedData = JSON.readTree(reopened.data());
            assertEquals("Case NEW-001 was misread", reopenedData.get("reason").asText());
            assertEquals(1, reopenedData.get("publicationVersion").asInt());
            assertTrue(reopenedData.get("cancelledVersion").isNull());
            Api.inspector("ivan").get(base + "/publications").then().statusCode(200)
                    .body("status", equalTo("OPEN"))
                    .body("publications.version", equalTo(List.of(1)))
                    .body("reopenings[0].reason", equalTo("Case NEW-001 was misread"))
                    .body("reopenings[0].reopenedBy", equalTo("lena"))
                    .body("reopenings[0].fromStatus", equalTo("PUBLISHED"));
            viewer().get(base + "/publications").then().statusCode(403);

            // Viewers still see publication 1, and are not told the team is at work again.
            viewer().get(base).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                    .body("publicationVersion", equalTo(1));
            Api.inspector("ivan").contentType("application/json").body(Map.of("answer", "NO"))
                    .put(base + "/cases/NEW-001/answers/2.2.1").then().statusCode(200).body("version", equalTo(2));

            Api.lead("lena").post(base + "/publish").then().statusCode(200).body("publicationVersion", equalTo(2));
            viewer().get(base).then().statusCode(200).body("publicationVersion", equalTo(2));
            viewer().get("/inspections?region=London").then().body("find { it.id == '" + id + "' }.publicationVersion",
                    equalTo(2));
        }
    }

    @Test
    void anEmbargoLiftsByItselfAndAReopeningBeforeItCancelsThePublication() throws Exception {
        String id = Api.openInspection("lena", "Embargo PDU", "London");
        String base = "/inspections/" + id;
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        Api.makeReady("lena", id);

        // Scheduled, then cancelled by a reopening: viewers never see that version.
        String far = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Api.lead("lena").contentType("application/json").body(Map.of("at", far)).post(base + "/publish").then()
                .statusCode(200).body("status", equalTo("SCHEDULED")).body("scheduledFor", equalTo(far))
                .body("publicationVersion", nullValue());
        Api.lead("lena").contentType("application/json").body(Map.of("rating", "GOOD", "rationale", "x"))
                .put(base + "/judgements/1.1").then().statusCode(409).body("detail", containsString("scheduled"));
        viewer().get(base).then().statusCode(404);
        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            Api.lead("lena").contentType("application/json").body(Map.of("reason", "Wrong date"))
                    .post(base + "/reopen").then().statusCode(200).body("status", equalTo("OPEN"));
            JsonNode reopened = JSON.readTree(awaitType(reader, "inspection.reopened").data());
            assertEquals(1, reopened.get("cancelledVersion").asInt());
            assertEquals(0, reopened.get("publicationVersion").asInt());
        }
        Api.lead("lena").get(base + "/publications").then()
                .body("publications[0].cancelledBy", equalTo("lena"))
                .body("reopenings[0].fromStatus", equalTo("SCHEDULED"))
                .body("reopenings[0].cancelledVersion", equalTo(1));

        // Scheduled three seconds ahead: 404 for a viewer until then, 200 after, with nobody acting.
        Instant at = Instant.now().plusSeconds(3);
        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            Api.lead("lena").contentType("application/json").body(Map.of("at", at.toString())).post(base + "/publish")
                    .then().statusCode(200).body("status", equalTo("SCHEDULED"));
            JsonNode published = JSON.readTree(awaitType(reader, "inspection.published").data());
            assertEquals(2, published.get("publicationVersion").asInt());
            assertEquals(true, published.get("scheduled").asBoolean());
            assertEquals(at, Instant.parse(published.get("publishedAt").asText()));
        }
        viewer().get(base).then().statusCode(404);
        viewer().get("/inspections").then().body("id", not(hasItem(id)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> viewer().get(base).statusCode() == 200);
        assertTrue(!Instant.now().isBefore(at), "visible only once the embargo lifted");
        viewer().get(base).then().body("status", equalTo("PUBLISHED")).body("publicationVersion", equalTo(2));
        Api.lead("lena").get(base).then().body("status", equalTo("PUBLISHED")).body("scheduledFor", nullValue());
        Api.lead("lena").contentType("application/json").body(Map.of("answer", "NO"))
                .put(base + "/cases/NEW-001/answers/2.2.1").then().statusCode(409)
                .body("detail", containsString("is published"));
    }

    @Test
    void aPublicationTimeMustBeAFutureInstant() {
        String id = Api.openInspection("lena", "Timing PDU", "London");
        String base = "/inspections/" + id;
        Api.makeReady("lena", id);
        for (String at : List.of("tomorrow", "2020-01-01T00:00:00Z", Instant.now().minusSeconds(1).toString(),
                Instant.now().plus(Duration.ofDays(400)).toString(), "")) {
            Api.lead("lena").contentType("application/json").body(Map.of("at", at)).post(base + "/publish").then()
                    .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("at"));
        }
        Api.lead("lena").contentType("application/json").body("{\"at\":5}").post(base + "/publish").then()
                .statusCode(400);
        Api.lead("lena").contentType("application/json").body("{\"when\":\"x\"}").post(base + "/publish").then()
                .statusCode(400);
        Api.lead("lena").get(base).then().body("status", equalTo("OPEN"));
    }

    @Test
    void theOpenApiDocumentDescribesPublishingAndReopening() {
        io.restassured.path.json.JsonPath api = io.restassured.RestAssured.given().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        String publish = "paths.'/inspections/{id}/publish'.post";
        assertEquals("publishInspection", api.getString(publish + ".operationId"));
        assertTrue(api.getString(publish + ".requestBody.content.'application/json'.schema.'$ref'").endsWith("PublishRequest"));
        assertTrue(api.getMap(publish + ".responses").keySet().containsAll(List.of("200", "409", "422", "403", "404")));
        String reopen = "paths.'/inspections/{id}/reopen'.post";
        assertEquals("reopenInspection", api.getString(reopen + ".operationId"));
        assertTrue(api.getString(reopen + ".requestBody.content.'application/json'.schema.'$ref'").endsWith("ReopenRequest"));
        assertEquals("listPublications", api.getString("paths.'/inspections/{id}/publications'.get.operationId"));
    }

    private static Event last(CaseEventsReader reader, String type) {
        List<Event> matching = reader.events().stream().filter(e -> e.type().equals(type)).toList();
        return matching.get(matching.size() - 1);
    }

    private static Event awaitType(CaseEventsReader reader, String type) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> reader.events().stream().anyMatch(e -> e.type().equals(type)));
        return last(reader, type);
    }
}
