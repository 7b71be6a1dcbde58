package uk.probation.inspection.cases.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published JSON Schemas of case-events payloads (docs/events/), applied to real payloads. */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static Path dir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs").resolve("events").resolve("case-events");
            if (Files.isDirectory(candidate) && Files.exists(dir.resolve("case-service"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/events/case-events not found");
    }

    /** Fails unless {@code data} matches the schema of {@code type}. */
    public static void assertValid(String type, String data) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = Files.newInputStream(dir().resolve(t + ".schema.json"))) {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (IOException e) {
            fail(type + " data is not JSON: " + data);
            return;
        }
        Set<ValidationMessage> problems = schema.validate(node);
        assertTrue(problems.isEmpty(), type + " data breaks its schema: " + problems + "\n" + data);
    }
}
