package uk.probation.inspection.cases.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sampler reproduces the example docs/sampling.md works out by hand (its data: docs/sampling-example.json). */
class WorkedExampleTest {

    static final Path EXAMPLE = Path.of("../docs/sampling-example.json");

    @Test
    void theDrawIsTheOneWorkedOutByHand() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode example = json.readTree(Files.readString(EXAMPLE));
        JsonNode request = example.path("request");
        List<LongListCase> list = new ArrayList<>();
        for (JsonNode c : request.path("cases")) {
            Map<String, String> attributes = new HashMap<>();
            for (String a : List.of("gender", "cohort", "roshLevel")) {
                attributes.put(a, c.path(a).asText());
            }
            list.add(new LongListCase(c.path("caseRef").asText(), c.path("officer").asText(), c.path("unit").asText(),
                    attributes, LocalDate.parse(c.path("startDate").asText()), c.path("exclude").asText(null)));
        }
        Sampler.Draw draw = Sampler.draw(SamplerTest.probationRules(), new Sampler.Request(list,
                request.path("size").asInt(), request.path("buffer").asDouble(), request.path("seed").asLong(),
                LocalDate.parse(example.path("sampleFrom").asText()), LocalDate.parse(example.path("sampleTo").asText())));

        JsonNode expected = example.path("expected");
        assertEquals(strings(expected.path("sample")), draw.sample());
        assertEquals(strings(expected.path("reserve")), draw.reserve());
        List<String> strata = new ArrayList<>();
        draw.strata().forEach(s -> strata.add(s.id() + " " + s.longList() + " " + s.sample() + " " + s.reserve()));
        List<String> expectedStrata = new ArrayList<>();
        expected.path("strata").forEach(s -> expectedStrata.add(s.path("id").asText() + " " + s.path("longList").asInt()
                + " " + s.path("sample").asInt() + " " + s.path("reserve").asInt()));
        assertEquals(expectedStrata, strata);
        Map<String, Integer> officers = new LinkedHashMap<>();
        expected.path("officers").fields().forEachRemaining(e -> officers.put(e.getKey(), e.getValue().asInt()));
        assertEquals(officers, draw.officers());
        List<Sampler.Exclusion> excluded = new ArrayList<>();
        expected.path("excluded").forEach(e -> excluded.add(new Sampler.Exclusion(e.path("caseRef").asText(),
                e.path("reason").asText())));
        assertEquals(excluded, draw.excluded());
        assertEquals(List.of(), draw.overCap());
        // the draw order the document lists is SHA-256 of "7:<caseRef>"
        assertEquals("117e3cb9", DrawOrder.key(7, "WX-10").substring(0, 8));
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
