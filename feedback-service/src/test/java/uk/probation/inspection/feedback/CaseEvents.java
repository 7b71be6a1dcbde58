package uk.probation.inspection.feedback;

import java.time.ZoneOffset;

import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.Topic;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.events.cases.InspectionPublished;
import uk.probation.inspection.events.cases.InspectionReopened;
import uk.probation.inspection.events.cases.TeamMemberAdded;
import uk.probation.inspection.events.cases.TeamMemberRemoved;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.infra.Topics;
import uk.probation.inspection.infra.test.KafkaTestResource;
import uk.probation.inspection.infra.test.TestTokens;

/**
 * Plays case-service's part: produces inspection lifecycle CloudEvents (binary mode, as docs/events.md) into the
 * real case-events topic, and waits until feedback-service has applied them.
 */
public final class CaseEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private CaseEvents() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    /** Sends one event and returns the record (to send it again with the same ce_id). */
    public static ProducerRecord<String, String> send(String type, String inspectionId, Map<String, Object> data) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CASE_EVENTS, inspectionId,
                    JSON.writeValueAsString(data));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", type);
            header(record, "ce_source", "/case-service");
            header(record, "ce_time", Instant.now().toString());
            header(record, "ce_subject", inspectionId);
            header(record, "content-type", "application/json");
            producer().send(record).get();
            return record;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an event built from the contract's own types (events/), exactly as case-service writes it. */
    public static ProducerRecord<String, String> send(CaseEvent event) {
        try {
            return send(Topic.typeOf(event), event.inspectionId().toString(),
                    JSON.readValue(EventCodec.encode(event), Map.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a record again with the same ce_id, as a relay retry would. */
    public static void sendRaw(ProducerRecord<String, String> record) throws Exception {
        producer().send(record).get();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** inspection.opened and the opener's team.member.added (LEAD), as case-service sends them. */
    public static String open(String region, String lead) {
        return open(region, lead, Map.of("id", "hmip-probation-pdu-2021", "version", 1));
    }

    /** As {@link #open(String, String)}, with a framework whose rules set {@code smallNumberThreshold}. */
    public static String openWithThreshold(String region, String lead, Object smallNumberThreshold) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("percentageRounding", "HALF_UP");
        rules.put("smallNumberThreshold", smallNumberThreshold);
        return open(region, lead, Map.of("id", "hmip-probation-pdu-2021", "version", 1, "rules", rules));
    }

    private static String open(String region, String lead, Map<String, Object> framework) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> opened = new LinkedHashMap<>();
        opened.put("inspectionId", id);
        opened.put("name", "Test PDU inspection");
        opened.put("region", region);
        opened.put("pdu", "Test PDU");
        opened.put("frameworkId", "hmip-probation-pdu-2021");
        opened.put("fieldworkStart", "2022-09-05");
        opened.put("sampleFrom", "2022-01-24");
        opened.put("sampleTo", "2022-02-25");
        opened.put("openedBy", lead);
        opened.put("framework", framework);
        send(EventCodec.decode(uk.probation.inspection.events.Topics.CASE_EVENTS, "inspection.opened",
                toJson(opened)));
        addMember(id, lead, "LEAD");
        awaitVisible(id, lead, "lead-inspector", null);
        return id;
    }

    public static void addMember(String id, String username, String role) {
        send(new TeamMemberAdded(UUID.fromString(id), username, role, null));
    }

    public static ProducerRecord<String, String> removeMember(String id, String username) {
        return send(new TeamMemberRemoved(UUID.fromString(id), username));
    }

    /** inspection.published as case-service sent it before publication versions: no version, no time. */
    public static void publish(String id, String by) {
        send(new InspectionPublished(UUID.fromString(id), by, null, null, null));
    }

    /** inspection.published: {@code version} visible from {@code publishedAt} (scheduled when in the future). */
    public static void publish(String id, String by, int version, Instant publishedAt) {
        send(new InspectionPublished(UUID.fromString(id), by, version, publishedAt.atOffset(ZoneOffset.UTC),
                publishedAt.isAfter(Instant.now())));
    }

    /** inspection.reopened: {@code keptVersion} stays visible (0: none); {@code cancelledVersion} never will. */
    public static void reopen(String id, String by, int keptVersion, Integer cancelledVersion) {
        send(new InspectionReopened(UUID.fromString(id), by, "Correcting the survey file", keptVersion,
                cancelledVersion));
    }

    private static String toJson(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code user} with {@code role} (and region) can read the inspection's feedback. */
    public static void awaitVisible(String id, String user, String role, String region) {
        String token = region == null ? TestTokens.token(user, role) : TestTokens.token(user, role, region);
        awaitStatus(id, token, 200);
    }

    public static void awaitStatus(String id, String token, int status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get("/inspections/{id}/feedback", id).statusCode() == status);
    }
}
