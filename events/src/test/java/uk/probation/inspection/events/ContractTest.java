package uk.probation.inspection.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.events.cases.CaseRegistered;

/**
 * The Java types, the JSON Schemas in docs/events/ and the AsyncAPI document describe the same contract: one schema
 * per type and no other, the same fields, the same required fields, and every schema's example decodes into its type
 * and encodes back unchanged.
 */
class ContractTest {

    static final Path DOCS = Path.of("..", "docs", "events");

    static JsonNode read(Path file) throws IOException {
        return EventCodec.mapper().readTree(file.toFile());
    }

    static Path schemaOf(Topic<?> topic, String type) {
        return DOCS.resolve(topic.name()).resolve(type + ".schema.json");
    }

    @Test
    void everyTypeHasExactlyOneSchemaAndEverySchemaAType() throws IOException {
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(t -> t.types().keySet().forEach(type -> expected.add(t.name() + "/" + type + ".schema.json")));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(DOCS)) {
            files.filter(f -> f.toString().endsWith(".schema.json"))
                    .forEach(f -> found.add(DOCS.relativize(f).toString().replace('\\', '/')));
        }
        assertEquals(expected, found);
    }

    @Test
    void schemasNameTheFieldsOfTheirTypes() throws IOException {
        for (Topic<?> topic : Topics.ALL) {
            for (var entry : topic.types().entrySet()) {
                JsonNode schema = read(schemaOf(topic, entry.getKey()));
                Class<?> shape = shape(entry.getValue());
                Set<String> fields = new TreeSet<>();
                Set<String> required = new TreeSet<>();
                for (RecordComponent component : shape.getRecordComponents()) {
                    fields.add(component.getName());
                    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                    if (property != null && property.required()) {
                        required.add(component.getName());
                    }
                }
                Set<String> properties = new TreeSet<>();
                schema.path("properties").fieldNames().forEachRemaining(properties::add);
                assertEquals(fields, properties, entry.getKey() + ": fields");
                if (CaseEvent.class.isAssignableFrom(entry.getValue())) {
                    Set<String> schemaRequired = new TreeSet<>();
                    schema.path("required").forEach(n -> schemaRequired.add(n.asText()));
                    assertEquals(schemaRequired, required, entry.getKey() + ": required fields");
                }
            }
        }
    }

    @Test
    void everyExampleDecodesIntoItsTypeAndEncodesBackUnchangedAndValid() throws IOException {
        for (Topic<?> topic : Topics.ALL) {
            for (String type : topic.types().keySet()) {
                JsonNode schema = read(schemaOf(topic, type));
                JsonNode example = schema.path("examples").get(0);
                Object event = EventCodec.decode(topic, type, example.toString());
                assertEquals(topic.types().get(type), event.getClass());
                assertEquals(type, Topic.typeOf(event));
                JsonNode encoded = EventCodec.mapper().readTree(EventCodec.encode(event));
                assertEquals(example, encoded, type + " round trip");
                var problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                        .validate(encoded);
                assertTrue(problems.isEmpty(), type + ": " + problems);
            }
        }
    }

    @Test
    void theAsyncApiDocumentListsEveryTopicAndType() throws IOException {
        JsonNode asyncApi = read(DOCS.resolve("asyncapi.json"));
        Set<String> channels = new TreeSet<>();
        asyncApi.path("channels").fieldNames().forEachRemaining(channels::add);
        Set<String> topics = new TreeSet<>();
        Topics.ALL.forEach(t -> topics.add(t.name()));
        assertEquals(topics, channels);
        for (Topic<?> topic : Topics.ALL) {
            List<String> messages = new ArrayList<>();
            asyncApi.path("channels").path(topic.name()).path("messages").forEach(ref -> {
                String key = ref.path("$ref").asText().replace("#/components/messages/", "");
                JsonNode message = asyncApi.path("components").path("messages").path(key);
                messages.add(message.path("name").asText());
                Path payload = DOCS.resolve(message.path("payload").path("$ref").asText());
                assertTrue(Files.exists(payload), "payload of " + key + ": " + payload);
            });
            assertEquals(List.copyOf(topic.types().keySet()), messages, topic.name());
        }
    }

    /** A case.registered written before frameworks declared attributes (no {@code attributes}) still decodes. */
    @Test
    void aCaseRegisteredFromBeforeDeclaredAttributesDecodes() {
        String legacy = "{\"inspectionId\":\"4f6c2a8e-1b3d-4e5f-8a9b-0c1d2e3f4a5b\",\"caseRef\":\"NEW-001\","
                + "\"cohort\":\"RESETTLEMENT\",\"sentenceType\":\"LICENCE\",\"youngAdult\":true,\"gender\":\"MALE\","
                + "\"ethnicity\":\"White\",\"roshLevel\":\"HIGH\",\"startDate\":\"2022-01-24\"}";
        CaseRegistered old = (CaseRegistered) EventCodec.decode(Topics.CASE_EVENTS, "case.registered", legacy);
        assertEquals(Map.of("cohort", "RESETTLEMENT", "sentenceType", "LICENCE", "youngAdult", true, "gender", "MALE",
                "ethnicity", "White", "roshLevel", "HIGH", "startDate", "2022-01-24"), old.attributeValues(),
                "a case.registered from before attributes were declared has its probation attributes");
    }

    @Test
    void anythingOffContractIsUndecodable() throws IOException {
        ObjectNode answer = (ObjectNode) read(schemaOf(Topics.CASE_EVENTS, "answer.recorded")).path("examples").get(0);
        assertEquals(AnswerRecorded.class, EventCodec.decode(Topics.CASE_EVENTS, "answer.recorded", answer.toString())
                .getClass());
        List<String> bad = new ArrayList<>();
        bad.add(answer.deepCopy().put("personName", "John Smith").toString()); // unknown field
        ObjectNode missing = answer.deepCopy();
        missing.remove("caseRef");
        bad.add(missing.toString());
        bad.add(answer.deepCopy().put("version", "2").toString()); // a number as text
        bad.add(answer.deepCopy().put("caseRef", 7).toString()); // text as a number
        bad.add(answer.deepCopy().putNull("version").toString());
        bad.add(answer + " {}"); // trailing content
        bad.add("not json");
        for (String data : bad) {
            assertThrows(UndecodableEventException.class, () -> EventCodec.decode(Topics.CASE_EVENTS, "answer.recorded", data),
                    data);
        }
        assertThrows(UndecodableEventException.class, () -> EventCodec.decode(Topics.CASE_EVENTS, "answer.deleted",
                answer.toString()), "an unknown type");
        assertThrows(UndecodableEventException.class, () -> EventCodec.decode(Topics.CASE_EVENTS, "answer.recorded", null));
    }

    /** The record whose fields the JSON carries: the type itself, or what its {@code @JsonValue} component holds. */
    private static Class<?> shape(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getAnnotation(JsonValue.class) != null || component.getAccessor().getAnnotation(JsonValue.class) != null) {
                return component.getType();
            }
        }
        return type;
    }
}
