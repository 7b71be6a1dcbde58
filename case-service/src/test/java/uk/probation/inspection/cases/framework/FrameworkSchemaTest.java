package uk.probation.inspection.cases.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import uk.probation.inspection.cases.support.EventSchemas;
import uk.probation.inspection.cases.support.TestFrameworks;

/** docs/framework.schema.json: the shipped frameworks and what this service writes obey it; it is what is served. */
class FrameworkSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Path docs() {
        return EventSchemas.dir().getParent().getParent();
    }

    static JsonSchema schema() throws IOException {
        try (InputStream in = Files.newInputStream(docs().resolve("framework.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static Set<ValidationMessage> problems(JsonNode framework) throws IOException {
        return schema().validate(framework);
    }

    @Test
    void theShippedFrameworksAndTheirServedFormObeyTheSchema() throws IOException {
        for (String id : FrameworkCatalog.BUILT_IN) {
            JsonNode file = JSON.readTree(getClass().getClassLoader().getResource("frameworks/" + id + ".json"));
            assertEquals(Set.of(), problems(file), id);
            Framework parsed = JSON.treeToValue(file, Framework.class);
            assertEquals(Set.of(), problems(JSON.valueToTree(parsed)), id + " as served");
            assertEquals(file, JSON.valueToTree(parsed), id + " is served exactly as shipped");
        }
        assertEquals(Set.of(), problems(JSON.valueToTree(TestFrameworks.youthJustice("yj-test"))));
    }

    @Test
    void theSchemaRefusesWhatTheFormatForbids() throws IOException {
        ObjectNode youth = (ObjectNode) JSON.readTree(getClass().getClassLoader()
                .getResource("frameworks/hmip-youth-justice-2021.json"));
        ObjectNode attribute = (ObjectNode) youth.path("caseAttributes").get(0);
        attribute.put("type", "COLOUR");
        assertFalse(problems(youth).isEmpty());
        attribute.put("type", "BOOLEAN"); // a BOOLEAN has no values
        assertFalse(problems(youth).isEmpty());
        attribute.put("type", "ENUM");
        attribute.remove("values");
        assertFalse(problems(youth).isEmpty());
        youth = (ObjectNode) JSON.readTree(getClass().getClassLoader().getResource("frameworks/hmip-youth-justice-2021.json"));
        ((ObjectNode) youth.path("domains").get(3).path("standards").get(0)).put("countsTowardsOverall", "no");
        assertFalse(problems(youth).isEmpty());
        youth.remove("domains");
        assertFalse(problems(youth).isEmpty());
    }

    /** The optional sampling section (issue #20): the format carries it, its own rules check what is in it. */
    @Test
    void anOptionalSamplingObjectIsCarried() throws IOException {
        ObjectNode youth = (ObjectNode) JSON.readTree(getClass().getClassLoader()
                .getResource("frameworks/hmip-youth-justice-2021.json"));
        ObjectNode sampling = youth.putObject("sampling");
        sampling.put("maxPerOfficer", 3);
        sampling.put("buffer", 0.1);
        ObjectNode court = sampling.putArray("strata").addObject();
        court.put("id", "court").put("name", "Court disposals").putObject("match").putArray("disposal").add("COURT");
        ObjectNode outOfCourt = ((com.fasterxml.jackson.databind.node.ArrayNode) sampling.path("strata")).addObject();
        outOfCourt.put("id", "out-of-court").put("name", "Out-of-court disposals").putObject("match")
                .putArray("disposal").add("OUT_OF_COURT");
        assertEquals(Set.of(), problems(youth));
        Framework parsed = JSON.treeToValue(youth, Framework.class);
        assertEquals(java.util.List.of(), FrameworkValidator.validate(parsed));
        assertEquals(sampling, JSON.valueToTree(parsed).path("sampling"));
        youth.put("sampling", "all");
        assertFalse(problems(youth).isEmpty());
    }

    @Test
    void inspectionOpenedCarriesTheSameFormatAndTheServedSchemaIsTheDocument() throws IOException {
        JsonNode schema = JSON.readTree(docs().resolve("framework.schema.json").toFile());
        JsonNode opened = JSON.readTree(EventSchemas.dir().resolve("inspection.opened.schema.json").toFile());
        assertEquals(schema.path("$defs"), opened.path("$defs"));
        try (InputStream served = getClass().getClassLoader().getResourceAsStream(FrameworkSchemaResource.RESOURCE)) {
            assertArrayEquals(Files.readAllBytes(docs().resolve("framework.schema.json")), served.readAllBytes());
        }
        assertTrue(schema.path("$defs").path("caseAttribute").path("properties").path("type").path("enum")
                instanceof ArrayNode);
    }
}
