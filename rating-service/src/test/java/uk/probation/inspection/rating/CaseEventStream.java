package uk.probation.inspection.rating;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.infra.test.GoldenData;
import uk.probation.inspection.infra.test.KafkaTestResource;
import uk.probation.inspection.platform.csv.CsvTable;

/**
 * Builds case-events exactly as case-service publishes them (docs/events.md: CloudEvents binary mode, key and
 * subject the inspection id) and sends them to the real broker.
 */
public final class CaseEventStream {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path FRAMEWORK = Path.of("../case-service/src/main/resources/frameworks/hmip-probation-pdu-2021.json");
    private static KafkaProducer<String, String> producer;

    public final UUID inspectionId;
    public final List<ProducerRecord<String, String>> records = new ArrayList<>();

    public CaseEventStream(UUID inspectionId) {
        this.inspectionId = inspectionId;
    }

    public static CaseEventStream fresh() {
        return new CaseEventStream(UUID.randomUUID());
    }

    /** The whole Newham data set: opened, lead on the team, 33 cases, every answer (version 1), 4 judgements. */
    public static CaseEventStream newham(UUID id, String lead) throws Exception {
        CaseEventStream stream = new CaseEventStream(id);
        stream.opened("Newham PDU", "London", "Newham", lead).teamMember(lead, "LEAD");
        for (CsvTable.Row row : csv("cases.csv").rows()) {
            stream.caseRegistered(row.get("case_ref"), row.get("cohort"), Boolean.parseBoolean(row.get("young_adult")),
                    row.get("gender"), row.get("ethnicity"), row.get("rosh_level"));
        }
        for (CsvTable.Row row : csv("answers.csv").rows()) {
            stream.answer(row.get("case_ref"), row.get("question_id"), row.get("answer"), null, 1);
        }
        for (CsvTable.Row row : csv("judgements.csv").rows()) {
            stream.judgement(row.get("standard_id"), row.get("rating"), null, 1);
        }
        return stream;
    }

    public static CsvTable csv(String file) throws Exception {
        return CsvTable.parse(Files.readString(GoldenData.newham(file)));
    }

    public static JsonNode framework() throws Exception {
        return JSON.readTree(Files.readString(FRAMEWORK));
    }

    public CaseEventStream opened(String name, String region, String pdu, String openedBy) throws Exception {
        Map<String, Object> data = data();
        data.put("name", name);
        data.put("region", region);
        data.put("pdu", pdu);
        data.put("frameworkId", "hmip-probation-pdu-2021");
        data.put("fieldworkStart", "2022-09-05");
        data.put("sampleFrom", "2022-01-24");
        data.put("sampleTo", "2022-02-25");
        data.put("openedBy", openedBy);
        data.put("framework", framework());
        return add("inspection.opened", data);
    }

    public CaseEventStream teamMember(String username, String role) {
        Map<String, Object> data = data();
        data.put("username", username);
        data.put("role", role);
        return add("team.member.added", data);
    }

    public CaseEventStream teamMemberRemoved(String username) {
        Map<String, Object> data = data();
        data.put("username", username);
        return add("team.member.removed", data);
    }

    /** An inspection.published as case-services before publication versions sent it: version 1, visible now. */
    public CaseEventStream published(String by) {
        Map<String, Object> data = data();
        data.put("publishedBy", by);
        return add("inspection.published", data);
    }

    /** Publication {@code version}, visible from {@code at} (scheduled when that is in the future). */
    public CaseEventStream published(String by, int version, Instant at) {
        Map<String, Object> data = data();
        data.put("publishedBy", by);
        data.put("publicationVersion", version);
        data.put("publishedAt", at.toString());
        data.put("scheduled", at.isAfter(Instant.now()));
        return add("inspection.published", data);
    }

    public CaseEventStream reopened(String by, int stillVisible, Integer cancelledVersion) {
        Map<String, Object> data = data();
        data.put("reopenedBy", by);
        data.put("reason", "A case was misread");
        data.put("publicationVersion", stillVisible);
        data.put("cancelledVersion", cancelledVersion);
        return add("inspection.reopened", data);
    }

    public CaseEventStream caseRegistered(String caseRef, String cohort, boolean youngAdult, String gender,
            String ethnicity, String roshLevel) {
        Map<String, Object> data = data();
        data.put("caseRef", caseRef);
        data.put("cohort", cohort);
        data.put("sentenceType", "COMMUNITY_ORDER");
        data.put("youngAdult", youngAdult);
        data.put("gender", gender);
        data.put("ethnicity", ethnicity);
        data.put("roshLevel", roshLevel);
        data.put("startDate", "2022-01-24");
        return add("case.registered", data);
    }

    public CaseEventStream answer(String caseRef, String questionId, String answer, String previousAnswer, int version) {
        Map<String, Object> data = data();
        data.put("caseRef", caseRef);
        data.put("questionId", questionId);
        data.put("answer", answer);
        data.put("previousAnswer", previousAnswer);
        data.put("version", version);
        data.put("recordedBy", "ian");
        return add("answer.recorded", data);
    }

    public CaseEventStream judgement(String standardId, String rating, String previousRating, int version) {
        Map<String, Object> data = data();
        data.put("standardId", standardId);
        data.put("rating", rating);
        data.put("previousRating", previousRating);
        data.put("version", version);
        data.put("rationale", "Strengths and areas for improvement.");
        data.put("recordedBy", "lena");
        return add("judgement.recorded", data);
    }

    private Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inspectionId", inspectionId.toString());
        return data;
    }

    private CaseEventStream add(String type, Map<String, Object> data) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>("case-events", inspectionId.toString(),
                    JSON.writeValueAsString(data));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", type);
            header(record, "ce_source", "/case-service");
            header(record, "ce_time", Instant.now().toString());
            header(record, "ce_subject", inspectionId.toString());
            header(record, "content-type", "application/json");
            records.add(record);
            return this;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the records built so far, in order, and clears the list. */
    public CaseEventStream send() {
        sendAll(records);
        records.clear();
        return this;
    }

    public static synchronized void sendAll(List<ProducerRecord<String, String>> records) {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        for (ProducerRecord<String, String> record : records) {
            producer.send(record);
        }
        producer.flush();
    }
}
