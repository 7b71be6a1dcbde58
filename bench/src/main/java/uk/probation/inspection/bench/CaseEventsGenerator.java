package uk.probation.inspection.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.Topic;
import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.events.cases.CaseRegistered;
import uk.probation.inspection.events.cases.InspectionOpened;
import uk.probation.inspection.events.cases.TeamMemberAdded;
import uk.probation.inspection.infra.Topics;

/**
 * case-events as case-service writes them (docs/events.md: CloudEvents binary mode, key = inspection id), for
 * pre-filling the topic: per inspection an inspection.opened with the whole framework, the lead's
 * team.member.added, its cases and then first answers to every question of every case.
 */
public final class CaseEventsGenerator {

    /** Per generated inspection: how many key-question answers its final rating.snapshot must show. */
    public record Plan(Map<String, Integer> keyQuestionAnswers, long events) {
    }

    private final JsonNode framework;
    private final List<String> keyQuestions = new ArrayList<>();
    private final List<String> questions = new ArrayList<>();

    public CaseEventsGenerator(Path frameworkFile) throws IOException {
        framework = Http.JSON.readTree(Files.readString(frameworkFile));
        for (JsonNode domain : framework.path("domains")) {
            for (JsonNode standard : domain.path("standards")) {
                for (JsonNode question : standard.path("keyQuestions")) {
                    keyQuestions.add(question.path("id").asText());
                    questions.add(question.path("id").asText());
                    question.path("prompts").forEach(p -> questions.add(p.path("id").asText()));
                }
            }
        }
    }

    public static Path frameworkFile(Path root) {
        return root.resolve("case-service/src/main/resources/frameworks/hmip-probation-pdu-2021.json");
    }

    /** About {@code totalEvents} events over inspections of {@code casesPerInspection} cases each. */
    public Plan generate(long totalEvents, int casesPerInspection, Consumer<ProducerRecord<byte[], byte[]>> send) {
        Random random = new Random(7);
        Map<String, Integer> expected = new LinkedHashMap<>();
        long events = 0;
        int n = 0;
        while (events < totalEvents) {
            String id = UUID.randomUUID().toString();
            n++;
            send.accept(record(opened(id, "Catch-up PDU " + n, framework, "bench-lead")));
            send.accept(record(new TeamMemberAdded(UUID.fromString(id), "bench-lead", "LEAD", null)));
            events += 2;
            List<String> cases = new ArrayList<>();
            for (int c = 1; c <= casesPerInspection; c++) {
                String caseRef = String.format("G%04d", c);
                cases.add(caseRef);
                send.accept(record(registered(id, caseRef, c, "MALE")));
                events++;
            }
            int keyAnswers = 0;
            outer:
            for (String caseRef : cases) {
                for (String question : questions) {
                    if (events >= totalEvents) {
                        break outer;
                    }
                    send.accept(record(new AnswerRecorded(UUID.fromString(id), caseRef, question,
                            Api.ANSWERS.get(random.nextInt(3)), null, 1, "bench-lead")));
                    events++;
                    if (keyQuestions.contains(question)) {
                        keyAnswers++;
                    }
                }
            }
            expected.put(id, keyAnswers);
        }
        return new Plan(expected, events);
    }

    /** The size in bytes (key + value + headers) of a typical answer.recorded record. */
    public int answerRecordSize() {
        ProducerRecord<byte[], byte[]> record = record(new AnswerRecorded(UUID.randomUUID(), "NEW-001", "2.2.3b",
                "NOT_APPLICABLE", null, 1, "inspector"));
        int size = record.key().length + record.value().length;
        for (var header : record.headers()) {
            size += header.key().length() + header.value().length;
        }
        return size;
    }

    /** An inspection of the bench region as case-service opens it, the whole framework inside. */
    static InspectionOpened opened(String id, String name, JsonNode framework, String lead) {
        return new InspectionOpened(UUID.fromString(id), name, "Bench", name, framework.path("id").asText(),
                "2022-09-05", "2022-01-24", "2022-02-25", lead, (ObjectNode) framework);
    }

    /** The {@code c}-th case of a generated sample: a third resettlement, a fifth young adults. */
    static CaseRegistered registered(String id, String caseRef, int c, String gender) {
        return new CaseRegistered(UUID.fromString(id), caseRef, c % 3 == 0 ? "RESETTLEMENT" : "COMMUNITY",
                c % 3 == 0 ? "LICENCE" : "COMMUNITY_ORDER", c % 5 == 0, gender, "White", "MEDIUM", "2022-02-01");
    }

    /** A case event of the contract's own types (events/), as case-service's relay writes it. */
    static ProducerRecord<byte[], byte[]> record(CaseEvent event) {
        return record(event.inspectionId().toString(), Topic.typeOf(event), EventCodec.encode(event));
    }

    private static ProducerRecord<byte[], byte[]> record(String inspectionId, String type, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/case-service"));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_subject", bytes(inspectionId));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(Topics.CASE_EVENTS, null, bytes(inspectionId), bytes(data), headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
