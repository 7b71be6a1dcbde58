package uk.probation.inspection.rating;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.time.ZoneOffset;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.Topic;
import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.events.cases.CaseRegistered;
import uk.probation.inspection.events.cases.InspectionOpened;
import uk.probation.inspection.events.cases.InspectionPublished;
import uk.probation.inspection.events.cases.InspectionReopened;
import uk.probation.inspection.events.cases.JudgementRecorded;
import uk.probation.inspection.events.cases.NarrativeRecorded;
import uk.probation.inspection.events.cases.RecommendationsRecorded;
import uk.probation.inspection.events.cases.BackgroundRecorded;
import uk.probation.inspection.events.cases.TeamMemberAdded;
import uk.probation.inspection.events.cases.TeamMemberBound;
import uk.probation.inspection.events.cases.TeamMemberRemoved;
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
        return newham(id, lead, "London");
    }

    /** As {@link #newham(UUID, String)}, in another region (a region of its own keeps pooled figures exact). */
    public static CaseEventStream newham(UUID id, String lead, String region) throws Exception {
        CaseEventStream stream = new CaseEventStream(id);
        stream.opened("Newham PDU", region, "Newham", lead).teamMember(lead, "LEAD");
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
        return add(new InspectionOpened(inspectionId, name, region, pdu, "hmip-probation-pdu-2021", "2022-09-05",
                "2022-01-24", "2022-02-25", openedBy, (ObjectNode) framework()));
    }

    public CaseEventStream teamMember(String username, String role) {
        return add(new TeamMemberAdded(inspectionId, username, role, null));
    }

    public CaseEventStream teamMemberBound(String username, String subject) {
        return add(new TeamMemberBound(inspectionId, username, subject));
    }

    public CaseEventStream teamMemberRemoved(String username) {
        return add(new TeamMemberRemoved(inspectionId, username));
    }

    /** An inspection.published as case-services before publication versions sent it: version 1, visible now. */
    public CaseEventStream published(String by) {
        return add(new InspectionPublished(inspectionId, by, null, null, null));
    }

    /** Publication {@code version}, visible from {@code at} (scheduled when that is in the future). */
    public CaseEventStream published(String by, int version, Instant at) {
        return add(new InspectionPublished(inspectionId, by, version, at.atOffset(ZoneOffset.UTC),
                at.isAfter(Instant.now())));
    }

    public CaseEventStream reopened(String by, int stillVisible, Integer cancelledVersion) {
        return add(new InspectionReopened(inspectionId, by, "A case was misread", stillVisible, cancelledVersion));
    }

    public CaseEventStream caseRegistered(String caseRef, String cohort, boolean youngAdult, String gender,
            String ethnicity, String roshLevel) {
        return add(new CaseRegistered(inspectionId, caseRef, cohort, "COMMUNITY_ORDER", youngAdult, gender, ethnicity,
                roshLevel, "2022-01-24"));
    }

    public CaseEventStream answer(String caseRef, String questionId, String answer, String previousAnswer, int version) {
        return add(new AnswerRecorded(inspectionId, caseRef, questionId, answer, previousAnswer, version, "ian"));
    }

    public CaseEventStream judgement(String standardId, String rating, String previousRating, int version) {
        return add(new JudgementRecorded(inspectionId, standardId, rating, previousRating, version,
                "Strengths and areas for improvement.", "lena"));
    }

    /** Any case event of the contract, as case-service writes it. */
    public CaseEventStream event(CaseEvent event) {
        return add(event);
    }

    /**
     * The demo's report text (demo/newham/report-text.json) as case-service announces it after the lead enters it:
     * one narrative.recorded per standard, recommendations.recorded, background.recorded, each version 1.
     */
    public CaseEventStream demoReportText() throws Exception {
        JsonNode text = JSON.readTree(Files.readString(Path.of("../demo/newham/report-text.json")));
        var narratives = text.path("narratives").fields();
        while (narratives.hasNext()) {
            var n = narratives.next();
            JsonNode body = n.getValue();
            List<NarrativeRecorded.CohortSection> sections = new ArrayList<>();
            body.path("cohortSections").forEach(c -> sections.add(new NarrativeRecorded.CohortSection(
                    c.path("title").asText(), strings(c.path("paragraphs")))));
            List<NarrativeRecorded.PromptFact> facts = new ArrayList<>();
            body.path("promptFacts").forEach(f -> facts.add(new NarrativeRecorded.PromptFact(f.path("questionId").asText(),
                    f.hasNonNull("cohort") ? f.path("cohort").asText() : null, f.path("template").asText())));
            add(new NarrativeRecorded(inspectionId, n.getKey(), 1, strings(body.path("strengths")),
                    strings(body.path("areasForImprovement")), sections, facts, "lena"));
        }
        List<RecommendationsRecorded.Recommendation> recommendations = new ArrayList<>();
        text.path("recommendations").forEach(r -> recommendations.add(new RecommendationsRecorded.Recommendation(
                r.path("addressee").asText(), r.path("text").asText())));
        add(new RecommendationsRecorded(inspectionId, 1, recommendations, "lena"));
        JsonNode b = text.path("background");
        return add(new BackgroundRecorded(inspectionId, 1, b.path("interviewsHeld").asInt(), b.path("meetingsHeld").asInt(),
                strings(b.path("paragraphs")), "lena"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** A feedback-events record as feedback-service writes it (ce_source /feedback-service). */
    public static void sendFeedback(uk.probation.inspection.events.feedback.FeedbackEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>("feedback-events",
                event instanceof uk.probation.inspection.events.feedback.FeedbackSummarised s ? s.inspectionId() : null,
                EventCodec.encode(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", Topic.typeOf(event));
        header(record, "ce_source", "/feedback-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        sendAll(List.of(record));
    }

    /** Events are built from the contract's own types (events/), so they are what case-service writes. */
    public CaseEventStream add(CaseEvent event) {
        return addRaw(Topic.typeOf(event), EventCodec.encode(event));
    }

    /** A record whose data may break the contract: for poison tests. */
    public CaseEventStream addRaw(String type, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>("case-events", inspectionId.toString(), data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/case-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", inspectionId.toString());
        header(record, "content-type", "application/json");
        records.add(record);
        return this;
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
