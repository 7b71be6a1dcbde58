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
            Map<String, Object> opened = new LinkedHashMap<>();
            opened.put("inspectionId", id);
            opened.put("name", "Catch-up PDU " + n);
            opened.put("region", "Bench");
            opened.put("pdu", "Catch-up PDU " + n);
            opened.put("frameworkId", framework.path("id").asText());
            opened.put("fieldworkStart", "2022-09-05");
            opened.put("sampleFrom", "2022-01-24");
            opened.put("sampleTo", "2022-02-25");
            opened.put("openedBy", "bench-lead");
            opened.put("framework", framework);
            send.accept(record(id, "inspection.opened", opened));
            send.accept(record(id, "team.member.added", Map.of("inspectionId", id, "username", "bench-lead", "role", "LEAD")));
            events += 2;
            List<String> cases = new ArrayList<>();
            for (int c = 1; c <= casesPerInspection; c++) {
                String caseRef = String.format("G%04d", c);
                cases.add(caseRef);
                Map<String, Object> registered = new LinkedHashMap<>();
                registered.put("inspectionId", id);
                registered.put("caseRef", caseRef);
                registered.put("cohort", c % 3 == 0 ? "RESETTLEMENT" : "COMMUNITY");
                registered.put("sentenceType", c % 3 == 0 ? "LICENCE" : "COMMUNITY_ORDER");
                registered.put("youngAdult", c % 5 == 0);
                registered.put("gender", "MALE");
                registered.put("ethnicity", "White");
                registered.put("roshLevel", "MEDIUM");
                registered.put("startDate", "2022-02-01");
                send.accept(record(id, "case.registered", registered));
                events++;
            }
            int keyAnswers = 0;
            outer:
            for (String caseRef : cases) {
                for (String question : questions) {
                    if (events >= totalEvents) {
                        break outer;
                    }
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("inspectionId", id);
                    answer.put("caseRef", caseRef);
                    answer.put("questionId", question);
                    answer.put("answer", Api.ANSWERS.get(random.nextInt(3)));
                    answer.put("previousAnswer", null);
                    answer.put("version", 1);
                    answer.put("recordedBy", "bench-lead");
                    send.accept(record(id, "answer.recorded", answer));
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
        String id = UUID.randomUUID().toString();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("inspectionId", id);
        answer.put("caseRef", "NEW-001");
        answer.put("questionId", "2.2.3b");
        answer.put("answer", "NOT_APPLICABLE");
        answer.put("previousAnswer", null);
        answer.put("version", 1);
        answer.put("recordedBy", "inspector");
        ProducerRecord<byte[], byte[]> record = record(id, "answer.recorded", answer);
        int size = record.key().length + record.value().length;
        for (var header : record.headers()) {
            size += header.key().length() + header.value().length;
        }
        return size;
    }

    static ProducerRecord<byte[], byte[]> record(String inspectionId, String type, Object data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/case-service"));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_subject", bytes(inspectionId));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(Topics.CASE_EVENTS, null, bytes(inspectionId), bytes(Http.json(data)), headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
