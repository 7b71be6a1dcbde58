package uk.probation.inspection.rating.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.TestTokens;
import uk.probation.inspection.rating.CaseEventStream;
import uk.probation.inspection.rating.Ratings;

/**
 * GET /regions/{region}/ratings/stream with a real SSE client: current rows first (viewer scope: published rows
 * of its region only; team members their inspections), then live changes produced on case-events, and a client
 * resuming with Last-Event-ID gets exactly the rows changed since.
 */
@QuarkusTest
class RegionStreamTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void currentRowsThenLiveChangesThenResumeWithoutLoss() throws Exception {
        String region = "Streamshire " + UUID.randomUUID().toString().substring(0, 8);
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), hidden = UUID.randomUUID();
        new CaseEventStream(a).opened("Alpha PDU", region, "Alpha", "sam").teamMember("sam", "LEAD")
                .caseRegistered("A-1", "COMMUNITY", false, "MALE", "WHITE", "LOW")
                .answer("A-1", "2.2.1", "NO", null, 1).published("sam").send();
        new CaseEventStream(b).opened("Beta PDU", region, "Beta", "sam").teamMember("sam", "LEAD")
                .published("sam").send();
        new CaseEventStream(hidden).opened("Hidden PDU", region, "Gamma", "sam").teamMember("sam", "LEAD").send();
        Ratings.await(a, "sam", r -> r.path("published").asBoolean()
                && keyQuestion(r, "2.2.1").path("percentage").asInt(-1) == 0);
        Ratings.await(b, "sam", r -> r.path("published").asBoolean());
        Ratings.await(hidden, "sam", r -> true);

        String viewer = TestTokens.token("vic", "viewer", region);
        String lastId;
        try (SseClient stream = new SseClient(streamUri(region), viewer, null)) {
            assertEquals(200, stream.response.statusCode());
            assertTrue(stream.response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            stream.await(e -> e.inspectionId().equals(a.toString()));
            // B's snapshot has its sequence (id > 0) before A changes, so B is older than anything after it.
            stream.await(e -> e.inspectionId().equals(b.toString()) && Long.parseLong(e.id()) > 0);
            SseClient.Event first = stream.events.get(0);
            assertEquals("rating", first.name());
            assertEquals(region, first.data().path("region").asText());

            // Reopened and changed: the team's figures move, a viewer's stay those of publication 1 ...
            new CaseEventStream(a).reopened("sam", 1, null).answer("A-1", "2.2.1", "YES", "NO", 2).send();
            Ratings.await(a, "sam", r -> keyQuestion(r, "2.2.1").path("percentage").asInt(-1) == 100);
            Thread.sleep(1500);
            assertFalse(stream.events.stream().anyMatch(e -> keyQuestion(e.data(), "2.2.1").path("percentage")
                    .asInt(-1) == 100), "a viewer saw live figures: " + stream.events);
            // ... until publication 2 is made.
            new CaseEventStream(a).published("sam", 2, java.time.Instant.now()).send();
            SseClient.Event live = stream.await(e -> e.inspectionId().equals(a.toString())
                    && keyQuestion(e.data(), "2.2.1").path("percentage").asInt(-1) == 100);
            assertEquals(2, live.data().path("publicationVersion").asInt());
            assertEquals("OUTSTANDING", standard(live.data(), "2.2").path("rating").asText(),
                    "the only answered key question of 2.2 is at 100%");
            lastId = live.id();
            assertFalse(stream.inspectionIds().contains(hidden.toString()), "unpublished row sent to a viewer");
            long previous = -1;
            for (SseClient.Event event : stream.events) {
                assertTrue(Long.parseLong(event.id()) >= previous, "ids grow: " + stream.events);
                previous = Long.parseLong(event.id());
            }
        }

        // While the client is away, A is reopened, changed and published again.
        new CaseEventStream(a).reopened("sam", 2, null).answer("A-1", "2.2.2", "NO", null, 1)
                .published("sam", 3, java.time.Instant.now()).send();
        Ratings.await(a, "sam", r -> r.path("publicationVersion").asInt() == 3);

        try (SseClient resumed = new SseClient(streamUri(region), viewer, lastId)) {
            SseClient.Event missed = resumed.await(e -> e.inspectionId().equals(a.toString())
                    && keyQuestion(e.data(), "2.2.2").path("percentage").asInt(-1) == 0);
            assertTrue(Long.parseLong(missed.id()) > Long.parseLong(lastId));
            assertEquals("INADEQUATE", standard(missed.data(), "2.2").path("rating").asText());
            // Unchanged since lastId: not sent again.
            assertFalse(resumed.inspectionIds().contains(b.toString()), "unchanged row replayed: " + resumed.events);
            assertEquals(a.toString(), resumed.events.get(0).inspectionId());
        }

        // Team members see their inspections, published or not (same rules as GET /regions/{region}/ratings).
        try (SseClient lead = new SseClient(streamUri(region), TestTokens.token("sam", "lead-inspector"), null)) {
            lead.await(e -> e.inspectionId().equals(hidden.toString()));
            // An idle stream gets keep-alive comments (rating.stream.heartbeat, 1 s in tests), which clients ignore.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> lead.comments.get() > 0);
        }
    }

    /**
     * A row is due to a viewer by its published sequence, which can lie below another row's newer live change:
     * publication of A, then B (unpublished) changes, then A changes again without being published. A viewer
     * connecting now must still get A's publication (it once did not: B's sequence hid it).
     */
    @Test
    void aViewerGetsAPublicationOlderThanTheRowsChangedSince() throws Exception {
        String region = "Ordershire " + UUID.randomUUID().toString().substring(0, 8);
        UUID a = UUID.randomUUID(), b = UUID.randomUUID();
        String viewer = TestTokens.token("val", "viewer", region);
        new CaseEventStream(a).opened("Order A PDU", region, "OrdA", "sam").teamMember("sam", "LEAD")
                .caseRegistered("A-1", "COMMUNITY", false, "MALE", "WHITE", "LOW")
                .answer("A-1", "2.2.1", "NO", null, 1).published("sam").send();
        long published;
        try (SseClient first = new SseClient(streamUri(region), viewer, null)) {
            // id > 0: the publication has been announced, so it has its sequence
            published = Long.parseLong(first.await(e -> e.inspectionId().equals(a.toString())
                    && Long.parseLong(e.id()) > 0).id());
        }
        try (SseClient team = new SseClient(streamUri(region), TestTokens.token("sam", "lead-inspector"), null)) {
            new CaseEventStream(b).opened("Order B PDU", region, "OrdB", "sam").teamMember("sam", "LEAD").send();
            long bSeq = Long.parseLong(team.await(e -> e.inspectionId().equals(b.toString())).id());
            assertTrue(bSeq > published, "B changed after A's publication");
            new CaseEventStream(a).reopened("sam", 1, null).answer("A-1", "2.2.1", "YES", "NO", 2).send();
            team.await(e -> e.inspectionId().equals(a.toString()) && Long.parseLong(e.id()) > bSeq);
        }
        try (SseClient late = new SseClient(streamUri(region), viewer, null)) {
            SseClient.Event row = late.await(e -> e.inspectionId().equals(a.toString()));
            assertEquals(published, Long.parseLong(row.id()));
            assertEquals(0, keyQuestion(row.data(), "2.2.1").path("percentage").asInt(-1),
                    "the viewer sees publication 1, not the change made since");
            assertFalse(late.inspectionIds().contains(b.toString()), "unpublished row sent to a viewer");
        }
    }

    @Test
    void theStreamEndsWithAnEventWhenTheTokenExpires() throws Exception {
        String region = "Expiry " + UUID.randomUUID().toString().substring(0, 8);
        UUID a = UUID.randomUUID();
        new CaseEventStream(a).opened("Expiring PDU", region, "Exp", "sam").teamMember("sam", "LEAD").send();
        Ratings.await(a, "sam", r -> true);
        String shortLived = TestTokens.issuer().sign(java.util.Map.of("sub", "sam", "preferred_username", "sam",
                "groups", java.util.List.of("lead-inspector")), java.time.Duration.ofSeconds(4));
        try (SseClient stream = new SseClient(streamUri(region), shortLived, null)) {
            assertEquals(200, stream.response.statusCode());
            stream.await(e -> e.inspectionId().equals(a.toString()));
            SseClient.Event expired = stream.await(e -> "expired".equals(e.name()));
            assertTrue(expired.data().path("reason").asText().contains("expired"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(stream::ended);
        }
        // and the same token is refused from then on, so the page reconnects with a fresh one
        given().auth().oauth2(shortLived).accept("text/event-stream").get("/regions/" + region + "/ratings/stream")
                .then().statusCode(401);
    }

    @Test
    void streamScopeAndAuthentication() throws Exception {
        String path = "/regions/London/ratings/stream";
        given().accept("text/event-stream").get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.token("ada", "admin")).accept("text/event-stream").get(path).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.token("nel", "viewer", "North East")).accept("text/event-stream").get(path)
                .then().statusCode(404);
        // Without Accept: text/event-stream (curl's */*): the current rows as events, then the response ends.
        given().auth().oauth2(TestTokens.token("lou", "viewer", "London")).get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/event-stream"));
    }

    private URI streamUri(String region) throws Exception {
        return base.toURI().resolve("/regions/" + URLEncoder.encode(region, StandardCharsets.UTF_8).replace("+", "%20")
                + "/ratings/stream");
    }

    static JsonNode keyQuestion(JsonNode ratings, String id) {
        for (JsonNode standard : ratings.path("standards")) {
            for (JsonNode question : standard.path("keyQuestions")) {
                if (question.path("id").asText().equals(id)) {
                    return question;
                }
            }
        }
        throw new AssertionError("no key question " + id);
    }

    static JsonNode standard(JsonNode ratings, String id) {
        return Ratings.standard(ratings, id);
    }
}
