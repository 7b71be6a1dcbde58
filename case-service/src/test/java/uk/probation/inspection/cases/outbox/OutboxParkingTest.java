package uk.probation.inspection.cases.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.TopicReader;
import uk.probation.inspection.infra.KafkaBroker;
import uk.probation.inspection.infra.Topics;
import uk.probation.inspection.infra.test.EndpointCatalog;
import uk.probation.inspection.infra.test.KafkaTestResource;
import uk.probation.inspection.platform.outbox.OutboxRelay;
import uk.probation.inspection.platform.outbox.OutboxWriter;

/**
 * An outbox row the broker refuses for good is parked, counted and shown to admins, while every other row flows;
 * the later rows of its key wait behind it until an admin retries or discards it. A broker outage parks nothing.
 * Rows go to topics of their own (other tests read case-events).
 */
@QuarkusTest
class OutboxParkingTest {

    static final String TOPIC = "relay-parking-test";
    /** The broker refuses records over 4 KB here, although the producer would send them. */
    static final String SMALL_TOPIC = "relay-parking-small";

    @Inject
    OutboxWriter outbox;

    @Inject
    OutboxRelay relay;

    @BeforeAll
    static void topics() {
        KafkaBroker.ensureTopics(KafkaTestResource.bootstrapServers(), List.of(new Topics.Topic(TOPIC, 1, Map.of()),
                new Topics.Topic(SMALL_TOPIC, 1, Map.of("max.message.bytes", "4096"))));
    }

    @Test
    void aRowTooLargeForTheProducerIsParkedWhileEveryOtherRowFlows() {
        String a = key();
        String poisoned = key();
        String b = key();
        long parkedBefore = relay.parkedSinceStart();
        write(TOPIC, a, "test.small", Map.of("n", 1), TOPIC, poisoned, "test.huge", Map.of("blob", "x".repeat(2_000_000)),
                TOPIC, poisoned, "test.small", Map.of("n", 2), TOPIC, b, "test.small", Map.of("n", 3));
        try (TopicReader reader = new TopicReader(TOPIC)) {
            reader.await(a, 1, Duration.ofSeconds(30));
            reader.await(b, 1, Duration.ofSeconds(30));
            JsonPath row = awaitParked(poisoned, 1);
            assertEquals("test.huge", row.getString("type"));
            assertTrue(row.getString("error").contains("RecordTooLargeException"), row.getString("error"));
            assertEquals(1, row.getInt("heldBehind"));
            assertTrue(row.getLong("payloadBytes") > 2_000_000);
            assertEquals(relay.parkedSinceStart(), parkedBefore + 1, "counted once");

            write(TOPIC, b, "test.small", Map.of("n", 4)); // a later row of another inspection flows
            reader.await(b, 2, Duration.ofSeconds(30));
            assertEquals(List.of(), reader.of(poisoned), "the poisoned key's later row waits behind it");
            await().atMost(Duration.ofSeconds(10)).until(() -> metric("outbox_parked_events") >= 1
                    && metric("outbox_held_events") >= 1 && metric("outbox_parked_total") >= 1);
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.data.parked", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

            long id = row.getLong("id");
            Api.lead("lena").get("/admin/outbox/parked").then().statusCode(403);
            Api.admin().post("/admin/outbox/parked/" + id + "/retry").then().statusCode(200)
                    .body("state", equalTo("RETRYING"));
            awaitParked(poisoned, 2); // still too large: parked again
            Api.admin().post("/admin/outbox/parked/" + id + "/discard").then().statusCode(200)
                    .body("state", equalTo("DISCARDED"));
            List<TopicReader.Record> released = reader.await(poisoned, 1, Duration.ofSeconds(30));
            assertEquals("{\"n\":2}", released.get(0).value(), "the held row flows once the poisoned one is discarded");
            Api.admin().get("/admin/outbox/parked/" + id).then().statusCode(404).contentType("application/problem+json");
            Api.admin().post("/admin/outbox/parked/" + id + "/retry").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aRowTheBrokerRefusesIsParkedAndFlowsInOrderOnceRetriedAfterTheFix() throws Exception {
        String poisoned = key();
        String other = key();
        write(SMALL_TOPIC, poisoned, "test.big", Map.of("blob", "y".repeat(10_000)));
        JsonPath row = awaitParked(poisoned, 1);
        assertTrue(row.getString("error").contains("RecordTooLargeException"), row.getString("error"));
        write(SMALL_TOPIC, poisoned, "test.small", Map.of("n", 2), SMALL_TOPIC, other, "test.small", Map.of("n", 3));
        try (TopicReader reader = new TopicReader(SMALL_TOPIC)) {
            reader.await(other, 1, Duration.ofSeconds(30));
            assertEquals(List.of(), reader.of(poisoned));
            assertEquals(1, awaitParked(poisoned, 1).getInt("heldBehind"));

            setTopicConfig(SMALL_TOPIC, "max.message.bytes", "1048588");
            Api.admin().post("/admin/outbox/parked/" + row.getLong("id") + "/retry").then().statusCode(200);
            List<TopicReader.Record> records = reader.await(poisoned, 2, Duration.ofSeconds(30));
            assertEquals(List.of("test.big", "test.small"), records.stream().map(TopicReader.Record::type).toList(),
                    "in commit order: the retried row first, then the row it held back");
            Api.admin().get("/admin/outbox/parked").then().statusCode(200)
                    .body("findAll { it.key == '" + poisoned + "' }", org.hamcrest.Matchers.empty());
        }
    }

    /** With the broker down the relay pauses (it cannot even learn the topic's partitions) and parks nothing. */
    @Test
    void aBrokerOutageParksNothing() {
        String key = key();
        long parkedBefore = relay.parkedSinceStart();
        KafkaTestResource.killBroker();
        try {
            write(TOPIC, key, "test.small", Map.of("n", 1), TOPIC, key, "test.small", Map.of("n", 2));
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.lastError() != null
                    || relay.parkedSinceStart() > parkedBefore);
            assertEquals(parkedBefore, relay.parkedSinceStart(), "the relay pauses, it parks nothing");
        } finally {
            KafkaTestResource.restartBroker();
        }
        try (TopicReader reader = new TopicReader(TOPIC)) {
            List<TopicReader.Record> records = reader.await(key, 2, Duration.ofSeconds(90));
            assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), records.stream().map(TopicReader.Record::value).distinct().toList());
        }
        assertEquals(parkedBefore, relay.parkedSinceStart(), "nothing parked by the outage");
    }

    @Test
    void theSecurityMatrixCoversThePlatformsAdminEndpoints() {
        List<String> paths = EndpointCatalog.ofThisModule().stream().map(e -> e.httpMethod() + " " + e.path()).toList();
        assertTrue(paths.containsAll(List.of("GET /admin/outbox/parked", "POST /admin/outbox/parked/{rowId}/retry",
                "POST /admin/outbox/parked/{rowId}/discard")), paths.toString());
    }

    /** Appends (topic, key, type, data) quadruples in one transaction. */
    private void write(Object... rows) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < rows.length; i += 4) {
                outbox.append((String) rows[i], (String) rows[i + 1], (String) rows[i + 2], rows[i + 3]);
            }
        });
    }

    /** The parked row of {@code key} once it has been parked {@code times} times. */
    private static JsonPath awaitParked(String key, int times) {
        JsonPath[] found = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath all = Api.admin().get("/admin/outbox/parked").then().statusCode(200).extract().jsonPath();
            Map<String, Object> row = all.get("find { it.key == '" + key + "' }");
            if (row == null || ((Number) row.get("parkCount")).intValue() < times) {
                return false;
            }
            found[0] = new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(row));
            return true;
        });
        return found[0];
    }

    private static double metric(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(2)) : -1;
    }

    private static void setTopicConfig(String topic, String name, String value) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET))))
                    .all().get();
        }
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
