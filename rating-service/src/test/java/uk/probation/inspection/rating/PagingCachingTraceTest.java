package uk.probation.inspection.rating;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import uk.probation.inspection.infra.test.TestTokens;

/**
 * Region ratings in pages (Link rel="next"), conditional GET on the read endpoints (the viewer's tag follows the
 * published snapshot), and a case event's trace continued into the rating-service's log lines and its own events.
 */
@QuarkusTest
class PagingCachingTraceTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final String REGION = "Paging Region";

    private static RequestSpecification as(String user, String role, String... region) {
        return given().auth().oauth2(region.length == 0 ? TestTokens.token(user, role)
                : TestTokens.token(user, role, region[0]));
    }

    /** Follows rel="next" as a client does: the link is used as sent (already percent-encoded). */
    private static List<String> walk(java.util.function.Supplier<RequestSpecification> who, String first) {
        List<String> ids = new ArrayList<>();
        String url = first;
        int pages = 0;
        while (url != null) {
            Response page = who.get().urlEncodingEnabled(false).get(url);
            page.then().statusCode(200);
            ids.addAll(page.jsonPath().getList("id"));
            String link = page.header("Link");
            url = null;
            if (link != null) {
                Matcher next = NEXT.matcher(link);
                assertTrue(next.find(), link);
                url = next.group(1);
            }
            assertTrue(++pages < 100);
        }
        return ids;
    }

    @Test
    void twoHundredFiftyInspectionsOfARegionComeBackInPages() throws Exception {
        Set<String> all = new HashSet<>();
        Set<String> published = new HashSet<>();
        List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            CaseEventStream stream = CaseEventStream.fresh().opened("PDU " + (i % 17), REGION, "P" + i, "pam")
                    .teamMember("pam", "LEAD");
            if (i % 10 == 3) {
                stream.published("pam");
                published.add(stream.inspectionId.toString());
            }
            all.add(stream.inspectionId.toString());
            records.addAll(stream.records);
        }
        CaseEventStream.sendAll(records);
        String path = "/regions/" + REGION + "/ratings";
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> as("pam",
                "lead-inspector").queryParam("size", 500).get(path).jsonPath().getList("id").size() == 250);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> as("vic", "viewer",
                REGION).queryParam("size", 500).get(path).jsonPath().getList("id").size() == 25);

        // The team, 40 at a time: seven pages, no duplicates, nothing missing (names repeat: the id breaks ties)
        String encoded = "/regions/Paging%20Region/ratings";
        List<String> team = walk(() -> as("pam", "lead-inspector"), encoded + "?size=40");
        assertEquals(250, team.size());
        assertEquals(all, new HashSet<>(team));
        // A viewer sees the published 25 only, 7 at a time, though each page skips many rows it may not read
        List<String> viewer = walk(() -> as("vic", "viewer", REGION), encoded + "?size=7");
        assertEquals(25, viewer.size());
        assertEquals(published, new HashSet<>(viewer));
        // Default page 100; bad parameters are 400s naming the parameter
        as("pam", "lead-inspector").get(path).then().statusCode(200).body("$", hasSize(100));
        as("pam", "lead-inspector").queryParam("size", 501).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        String notAnId = java.util.Base64.getUrlEncoder().encodeToString("PDU 1\u001fnope".getBytes(StandardCharsets.UTF_8));
        as("pam", "lead-inspector").queryParam("cursor", notAnId).get(path).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        // Paging does not open a region to someone who may not list it
        as("lou", "viewer", "London").queryParam("size", 5).get(path).then().statusCode(404);
    }

    @Test
    void readsAre304WhileUnchangedAndTheViewersTagFollowsThePublishedVersion() throws Exception {
        UUID id = UUID.randomUUID();
        new CaseEventStream(id).opened("ETag PDU", "ETag Region", "ETag", "nell").teamMember("nell", "LEAD")
                .caseRegistered("E-1", "COMMUNITY", false, "MALE", "WHITE", "HIGH").published("nell").send();
        Ratings.await(id, "nell", r -> r.path("published").asBoolean());
        String ratings = "/inspections/" + id + "/ratings";
        String lead = tag(as("nell", "lead-inspector"), ratings);
        as("nell", "lead-inspector").header("If-None-Match", lead).get(ratings).then().statusCode(304)
                .body(emptyString());
        String viewer = tag(as("vic", "viewer", "ETag Region"), ratings);
        for (String url : List.of("/inspections/" + id + "/questions", "/regions/ETag Region/ratings")) {
            String t = tag(as("vic", "viewer", "ETag Region"), url);
            as("vic", "viewer", "ETag Region").header("If-None-Match", t).get(url).then().statusCode(304);
        }
        // Someone who may not read it gets its 404, whatever tag they send
        as("lou", "viewer", "London").header("If-None-Match", viewer).get(ratings).then().statusCode(404);
        as("otto", "lead-inspector").header("If-None-Match", "*").get(ratings).then().statusCode(404);

        // Reopened and changed: the team's tag moves, the viewer still sees (and is told 304 about) version 1
        new CaseEventStream(id).reopened("nell", 1, null).judgement("1.4", "GOOD", null, 1).send();
        Ratings.await(id, "nell", r -> Ratings.standard(r, "1.4").path("rating").asText().equals("GOOD"));
        Response changed = as("nell", "lead-inspector").header("If-None-Match", lead).get(ratings);
        changed.then().statusCode(200);
        assertNotEquals(lead, changed.header("ETag"));
        as("vic", "viewer", "ETag Region").header("If-None-Match", viewer).get(ratings).then().statusCode(304);

        // Published again: the viewer's tag follows version 2
        new CaseEventStream(id).published("nell", 2, Instant.now()).send();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                as("vic", "viewer", "ETag Region").header("If-None-Match", viewer).get(ratings).statusCode() == 200);
        assertNotEquals(viewer, tag(as("vic", "viewer", "ETag Region"), ratings));
    }

    private static String tag(RequestSpecification who, String url) {
        String tag = who.get(url).then().statusCode(200).extract().header("ETag");
        assertTrue(tag != null && tag.startsWith("\""), url + ": " + tag);
        return tag;
    }

    @Test
    void aCaseEventsTraceContinuesIntoTheLogAndTheRatingEventsItCauses() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        String sent = "00-" + trace + "-b7ad6b7169203331-01";
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && trace.equals(ext.getMdc("traceId"))) {
                    lines.add(ext.getLoggerName() + ": " + ext.getFormattedMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("uk.probation.inspection");
        root.addHandler(capture);
        try {
            UUID id = UUID.randomUUID();
            new CaseEventStream(id).opened("Trace PDU", "Trace Region", "Trace", "tara").teamMember("tara", "LEAD")
                    .send();
            Ratings.await(id, "tara", r -> true);
            CaseEventStream judged = new CaseEventStream(id).judgement("1.4", "GOOD", null, 1);
            judged.records.get(0).headers().add("traceparent", sent.getBytes(StandardCharsets.UTF_8));
            judged.send();
            Ratings.await(id, "tara", r -> Ratings.standard(r, "1.4").path("rating").asText().equals("GOOD"));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> changes = TopicReader.recordsFor("rating-changes", id.toString());
                assertFalse(changes.isEmpty());
                for (ConsumerRecord<String, String> change : changes) {
                    assertTrace(trace, sent, TopicReader.header(change, "traceparent"));
                }
                ConsumerRecord<String, String> snapshot = TopicReader.recordsFor("inspection-ratings", id.toString())
                        .stream().reduce((a, b) -> b).orElseThrow();
                assertTrace(trace, sent, TopicReader.header(snapshot, "traceparent"));
            });
            assertTrue(lines.stream().anyMatch(l -> l.contains("EventApplier") && l.contains("judgement.recorded")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("SnapshotPublisher") && l.contains(id.toString())), lines.toString());
        } finally {
            root.removeHandler(capture);
        }
    }

    /** Same trace, a span of this service's own (the consumer's processing). */
    private static void assertTrace(String trace, String sent, String header) {
        assertTrue(header != null && header.startsWith("00-" + trace + "-"), String.valueOf(header));
        assertNotEquals(sent, header);
    }
}
