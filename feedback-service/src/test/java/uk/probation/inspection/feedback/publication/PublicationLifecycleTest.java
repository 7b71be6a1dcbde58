package uk.probation.inspection.feedback.publication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import uk.probation.inspection.feedback.CaseEvents;
import uk.probation.inspection.feedback.FeedbackEvents;
import uk.probation.inspection.feedback.Surveys;

/**
 * Publication against the real broker and PostgreSQL: the freeze from inspection.published to inspection.reopened,
 * viewers reading the figures of the latest visible version (embargoes lifting on their own, cancelled versions
 * never showing), the small-number threshold, and publication events that cannot be used.
 */
@QuarkusTest
class PublicationLifecycleTest {

    private static final String LEAD = "lena";
    private static final String REGION = "london";

    private static String viewer() {
        return Surveys.viewer(REGION);
    }

    private static Response submit(String id, String csv) {
        return Surveys.postCsv(id, Surveys.ingest(), csv);
    }

    private static String newRespondent(String id) {
        return Surveys.goldenRows(Set.of("UV-003")).replace("UV-003,", id + ",");
    }

    /** Submits until the answer is {@code status}: the events that change it arrive asynchronously. */
    private static void awaitSubmission(String id, String csv, int status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> submit(id, csv).statusCode() == status);
    }

    private static void awaitViewerVersion(String id, int version) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = given().auth().oauth2(viewer()).get("/inspections/{id}/feedback", id);
            return response.statusCode() == 200 && response.jsonPath().getInt("publicationVersion") == version;
        });
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static int viewerStatus(String id) {
        return given().auth().oauth2(viewer()).get("/inspections/{id}/feedback", id).statusCode();
    }

    @Test
    void publishedFreezesReopenedThawsAndViewersKeepTheFiguresOfTheirVersion() throws Exception {
        String id = CaseEvents.open(REGION, LEAD);
        submit(id, Surveys.goldenCsv()).then().statusCode(200);
        JsonNode liveBefore = Surveys.feedback(id, Surveys.lead(LEAD));
        CaseEvents.publish(id, LEAD, 1, Instant.now());
        awaitViewerVersion(id, 1);
        JsonNode version1 = Surveys.feedback(id, viewer());
        JsonNode version1ByGender = Surveys.feedback(id, viewer(), "?by=gender");
        assertEquals(96, version1.get("respondents").asInt());

        // Frozen: a new respondent is refused and nothing changes, whatever the body.
        String extra = newRespondent("UV-900");
        submit(id, extra).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is published")).body("detail", containsString("reopen it to change it"));
        submit(id, "not,a,survey\n").then().statusCode(409);
        assertEquals(liveBefore, Surveys.feedback(id, Surveys.lead(LEAD)));

        // Reopened: accepted again; the team reads live figures, viewers still version 1's.
        CaseEvents.reopen(id, LEAD, 1, null);
        awaitSubmission(id, extra, 200);
        submit(id, newRespondent("UV-901")).then().statusCode(200);
        assertEquals(98, Surveys.feedback(id, Surveys.lead(LEAD)).get("respondents").asInt());
        assertEquals(version1, Surveys.feedback(id, viewer()));
        assertEquals(version1ByGender, Surveys.feedback(id, viewer(), "?by=gender"));

        // Published again: viewers move to version 2 and its figures.
        CaseEvents.publish(id, LEAD, 2, Instant.now());
        awaitViewerVersion(id, 2);
        JsonNode version2 = Surveys.feedback(id, viewer());
        assertEquals(98, version2.get("respondents").asInt());
        assertEquals(version1.at("/questions/happy_with_support/yes").asInt() + 2,
                version2.at("/questions/happy_with_support/yes").asInt()); // UV-003 was happy; so are its copies
        submit(id, newRespondent("UV-902")).then().statusCode(409);

        // The refused submissions emitted nothing: one event per accepted request, in order.
        assertEquals(List.of("96/0/96", "1/0/97", "1/0/98"), FeedbackEvents.counts(FeedbackEvents.of(id, 3)));

        // The report's User Voice figures: live after each accepted request, and each version's as viewers get them.
        List<String> summaries = new java.util.ArrayList<>();
        for (var event : FeedbackEvents.of(id, "feedback.summarised", 5)) {
            JsonNode data = Surveys.JSON.readTree(event.value());
            JsonNode happy = null;
            for (JsonNode q : data.get("questions")) {
                happy = q.get("id").asText().equals("happy_with_support") ? q : happy;
            }
            summaries.add((data.get("publicationVersion").isNull() ? "live" : "v" + data.get("publicationVersion"))
                    + ":" + data.get("respondents") + ":" + happy.get("yes"));
        }
        int happy1 = version1.at("/questions/happy_with_support/yes").asInt();
        assertEquals(List.of("live:96:" + happy1, "v1:96:" + happy1, "live:97:" + (happy1 + 1),
                "live:98:" + (happy1 + 2), "v2:98:" + (happy1 + 2)), summaries);
    }

    @Test
    void aScheduledPublicationBecomesVisibleAtItsTimeWithNothingElseHappening() {
        String id = CaseEvents.open(REGION, LEAD);
        String csv = Surveys.goldenCsv();
        submit(id, csv).then().statusCode(200);
        // Milliseconds, as case-service writes instants: PostgreSQL keeps microseconds.
        Instant publishedAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        CaseEvents.publish(id, LEAD, 1, publishedAt);
        awaitSubmission(id, csv, 409); // the same file again until frozen: an accepted one changes nothing
        submit(id, csv).then().statusCode(409).body("detail", containsString("scheduled for publication"));

        int before = viewerStatus(id);
        assertTrue(Instant.now().isBefore(publishedAt), "the machine was too slow to look before the embargo lifted");
        assertEquals(404, before);
        Surveys.feedback(id, Surveys.lead(LEAD)); // the team reads it all along

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> viewerStatus(id) == 200);
        assertFalse(Instant.now().isBefore(publishedAt), "visible before its time");
        JsonNode seen = Surveys.feedback(id, viewer());
        assertEquals(1, seen.get("publicationVersion").asInt());
        assertEquals(publishedAt, Instant.parse(seen.get("publishedAt").asText()));
        assertEquals(96, seen.get("respondents").asInt());
    }

    @Test
    void aCancelledScheduledVersionNeverBecomesVisible() throws InterruptedException {
        String id = CaseEvents.open(REGION, LEAD);
        submit(id, Surveys.goldenCsv()).then().statusCode(200);
        CaseEvents.publish(id, LEAD, 1, Instant.now());
        awaitViewerVersion(id, 1);
        CaseEvents.reopen(id, LEAD, 1, null);
        String extra = newRespondent("UV-900");
        awaitSubmission(id, extra, 200);

        Instant publishedAt = Instant.now().plusSeconds(2);
        CaseEvents.publish(id, LEAD, 2, publishedAt);
        awaitSubmission(id, extra, 409);
        CaseEvents.reopen(id, LEAD, 1, 2); // cancels version 2 before its time
        awaitSubmission(id, extra, 200);

        sleepUntil(publishedAt.plusSeconds(1));
        JsonNode seen = Surveys.feedback(id, viewer());
        assertEquals(1, seen.get("publicationVersion").asInt());
        assertEquals(96, seen.get("respondents").asInt());
        assertEquals(97, Surveys.feedback(id, Surveys.lead(LEAD)).get("respondents").asInt());

        // Nothing visible yet and the first version cancelled: viewers never see it.
        String never = CaseEvents.open(REGION, LEAD);
        submit(never, Surveys.goldenCsv()).then().statusCode(200);
        Instant at = Instant.now().plusSeconds(2);
        CaseEvents.publish(never, LEAD, 1, at);
        CaseEvents.reopen(never, LEAD, 0, 1);
        awaitSubmission(never, extra, 200); // the reopening is applied
        sleepUntil(at.plusSeconds(1));
        assertEquals(404, viewerStatus(never));
    }

    @Test
    void fewerRespondentsThanTheThresholdShowViewersNoCountsButTheTeamEverything() {
        String id = CaseEvents.open(REGION, LEAD);
        submit(id, Surveys.goldenRows(Set.of("UV-001", "UV-002", "UV-003", "UV-004"))).then().statusCode(200);
        CaseEvents.publish(id, LEAD, 1, Instant.now());
        awaitViewerVersion(id, 1);
        JsonNode seen = Surveys.feedback(id, viewer());
        assertTrue(seen.get("suppressed").asBoolean(), seen.toString());
        assertEquals(5, seen.get("suppressionThreshold").asInt());
        for (String field : List.of("respondents", "channels", "gender", "ethnicity", "minorityEthnic", "questions",
                "options", "optionsByQuestion")) {
            assertFalse(seen.has(field), field + " shown: " + seen);
        }
        JsonNode breakdown = Surveys.feedback(id, viewer(), "?by=channel");
        assertTrue(breakdown.get("suppressed").asBoolean());
        assertFalse(breakdown.has("groups"));

        JsonNode team = Surveys.feedback(id, Surveys.lead(LEAD));
        assertEquals(4, team.get("respondents").asInt());
        assertFalse(team.has("suppressed"));
        assertTrue(team.at("/questions/happy_with_support/answered").asInt() > 0);
    }

    @Test
    void theFrameworksSmallNumberThresholdWinsOverTheConfiguredOne() {
        String id = CaseEvents.openWithThreshold(REGION, LEAD, 10);
        Set<String> seven = Set.of("UV-001", "UV-002", "UV-003", "UV-004", "UV-005", "UV-006", "UV-007");
        submit(id, Surveys.goldenRows(seven)).then().statusCode(200);
        CaseEvents.publish(id, LEAD, 1, Instant.now());
        awaitViewerVersion(id, 1);
        // 7 respondents: enough under the configured 5, too few under the framework's 10.
        JsonNode seen = Surveys.feedback(id, viewer());
        assertEquals(10, seen.get("suppressionThreshold").asInt());
        assertTrue(seen.get("suppressed").asBoolean(), seen.toString());

        String golden = CaseEvents.openWithThreshold(REGION, LEAD, 30);
        submit(golden, Surveys.goldenCsv()).then().statusCode(200);
        CaseEvents.publish(golden, LEAD, 1, Instant.now());
        awaitViewerVersion(golden, 1);
        JsonNode summary = Surveys.feedback(golden, viewer());
        assertEquals(30, summary.get("suppressionThreshold").asInt());
        // Under 30: every ethnic group; minority ethnic (65) and everything else besides (31) are safe to show.
        for (String group : List.of("ASIAN", "BLACK", "MIXED", "OTHER", "WHITE", "PREFER_NOT_TO_SAY")) {
            assertTrue(summary.at("/ethnicity/" + group + "/suppressed").asBoolean(), group);
        }
        assertEquals(65, summary.get("minorityEthnic").asInt());
        assertEquals(32, summary.at("/age_band/26-35").asInt());
        JsonNode byAge = Surveys.feedback(golden, viewer(), "?by=age_band");
        assertTrue(byAge.at("/groups/18-25/respondents/suppressed").asBoolean(), byAge.toString()); // 24
        assertTrue(byAge.at("/groups/51+/respondents/suppressed").asBoolean()); // 12
    }

    @Test
    void unusablePublicationEventsAreDeadLetteredCountedAndChangeNothing() {
        String id = CaseEvents.open(REGION, LEAD);
        submit(id, Surveys.goldenCsv()).then().statusCode(200);
        double before = skipped("inspection.published");
        CaseEvents.send("inspection.published", id, Map.of("inspectionId", id, "publishedBy", LEAD,
                "publicationVersion", "two", "publishedAt", Instant.now().toString(), "scheduled", false));
        CaseEvents.send("inspection.published", id, Map.of("inspectionId", id, "publishedBy", LEAD,
                "publicationVersion", 1, "scheduled", false)); // no publishedAt
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> skipped("inspection.published") >= before + 2);
        submit(id, Surveys.goldenCsv()).then().statusCode(200); // not frozen
        assertEquals(404, viewerStatus(id)); // and not published

        CaseEvents.publish(id, LEAD, 1, Instant.now()); // a good one after them is applied
        awaitViewerVersion(id, 1);
        double reopenedBefore = skipped("inspection.reopened");
        CaseEvents.send("inspection.reopened", id, Map.of("inspectionId", id, "reopenedBy", LEAD, "reason", "x",
                "publicationVersion", 1, "cancelledVersion", 1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> skipped("inspection.reopened") >= reopenedBefore + 1);
        submit(id, Surveys.goldenCsv()).then().statusCode(409); // still frozen

        double openedBefore = skipped("inspection.opened");
        String bad = java.util.UUID.randomUUID().toString();
        CaseEvents.send("inspection.opened", bad, Map.of("inspectionId", bad, "name", "x", "region", REGION,
                "framework", Map.of("rules", Map.of("smallNumberThreshold", "five"))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> skipped("inspection.opened") >= openedBefore + 1);
        submit(bad, Surveys.goldenCsv()).then().statusCode(404);
    }

    /** Events dead-lettered by feedback-service so far ({@code type} is on the dead letter, not a metric tag). */
    private static double skipped(String type) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("pip_events_dead_lettered_total{"))
                .filter(l -> l.contains("consumer=\"feedback-service\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
}
}
