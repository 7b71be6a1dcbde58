package uk.probation.inspection.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.probation.inspection.events.Topics;
import uk.probation.inspection.cases.support.EventSchemas;

/** The schemas under docs/events accept their own examples and reject payloads that break the format. */
class EventSchemasTest {

    static final List<String> TYPES = List.copyOf(Topics.CASE_EVENTS.types().keySet());

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTypeHasASchemaThatAcceptsItsExample() throws Exception {
        try (Stream<java.nio.file.Path> files = Files.list(EventSchemas.dir())) {
            assertEquals(TYPES.stream().map(t -> t + ".schema.json").sorted().toList(),
                    files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList());
        }
        for (String type : TYPES) {
            EventSchemas.assertValid(type, example(type).toString());
        }
    }

    @Test
    void schemasRejectMissingUnknownAndMistypedFields() throws Exception {
        for (String type : TYPES) {
            ObjectNode missing = example(type);
            missing.remove("inspectionId");
            ObjectNode unknown = example(type);
            unknown.put("personName", "John Smith");
            ObjectNode mistyped = example(type);
            mistyped.put("inspectionId", 42);
            for (ObjectNode bad : List.of(missing, unknown, mistyped)) {
                assertThrows(AssertionFailedError.class, () -> EventSchemas.assertValid(type, bad.toString()), type);
            }
        }
        ObjectNode answer = example("answer.recorded");
        answer.put("answer", "MAYBE");
        assertThrows(AssertionFailedError.class,
                () -> EventSchemas.assertValid("answer.recorded", answer.toString()));
        ObjectNode opened = example("inspection.opened");
        ((ObjectNode) opened.get("framework").get("domains").get(0).get("standards").get(0)).put("basis", "SURVEY");
        assertThrows(AssertionFailedError.class,
                () -> EventSchemas.assertValid("inspection.opened", opened.toString()));
    }

    private ObjectNode example(String type) throws Exception {
        return (ObjectNode) json.readTree(EventSchemas.dir().resolve(type + ".schema.json").toFile())
                .get("examples").get(0).deepCopy();
    }
}
