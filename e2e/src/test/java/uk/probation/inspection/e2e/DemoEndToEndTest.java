package uk.probation.inspection.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.infra.run.DemoLoader;
import uk.probation.inspection.infra.test.GoldenData;

/**
 * {@code ./run --demo}, as its loader runs it, against the packaged services: the Newham table it prints is the
 * published Newham report's, and the youth justice table's "N / 36" follows from its own standard ratings by the
 * framework's points and overall bands (4.1 rated, not counted).
 */
class DemoEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDemoLoadsBothInspectionsAndPrintsTheirTables() throws Exception {
        List<DemoLoader.Loaded> loaded = new DemoLoader(RunningSystem.get(), Path.of("..")).load();
        assertEquals(2, loaded.size());

        DemoLoader.Loaded newham = loaded.get(0);
        JsonNode expected = JSON.readTree(Files.readString(GoldenData.newham("expected-ratings.json")));
        expected.path("standards").fields().forEachRemaining(e -> {
            assertEquals(e.getValue().asText(), standard(newham.ratings(), e.getKey()).path("rating").asText(), e.getKey());
            assertTrue(newham.table().contains(printed(e.getValue().asText())), e.getKey());
        });
        assertTableLine(newham.table(), "Overall", "Requires improvement", "6 / 24");

        DemoLoader.Loaded youth = loaded.get(1);
        JsonNode framework = JSON.readTree(Files.readString(
                Path.of("../case-service/src/main/resources/frameworks/hmip-youth-justice-2021.json")));
        Map<String, Integer> points = new HashMap<>();
        framework.path("rules").path("bands").forEach(b -> points.put(b.path("rating").asText(), b.path("points").asInt()));
        int score = 0;
        int standards = 0;
        for (JsonNode domain : framework.path("domains")) {
            for (JsonNode declared : domain.path("standards")) {
                String rating = standard(youth.ratings(), declared.path("id").asText()).path("rating").asText();
                assertTrue(points.containsKey(rating), declared.path("id").asText() + " is rated: " + rating);
                assertTrue(youth.table().contains(declared.path("id").asText() + " "), declared.path("id").asText());
                standards++;
                if (declared.path("countsTowardsOverall").asBoolean(true)) {
                    score += points.get(rating);
                }
            }
        }
        assertEquals(13, standards);
        String band = overallBand(framework.path("rules").path("overallBands"), score, 36);
        assertTableLine(youth.table(), "Overall", printed(band), score + " / 36");
    }

    private static JsonNode standard(JsonNode ratings, String id) {
        for (JsonNode standard : ratings.path("standards")) {
            if (standard.path("id").asText().equals(id)) {
                return standard;
            }
        }
        throw new AssertionError("no standard " + id + " in " + ratings);
    }

    /** The first overall band whose share of the maximum the score does not exceed (score / max <= n / d). */
    private static String overallBand(JsonNode bands, int score, int max) {
        for (JsonNode band : bands) {
            BigInteger n = BigInteger.valueOf(band.path("maxShareOfMaximum").path("numerator").asLong());
            BigInteger d = BigInteger.valueOf(band.path("maxShareOfMaximum").path("denominator").asLong());
            if (BigInteger.valueOf(score).multiply(d).compareTo(n.multiply(BigInteger.valueOf(max))) <= 0) {
                return band.path("rating").asText();
            }
        }
        throw new AssertionError("no band for " + score);
    }

    private static void assertTableLine(String table, String first, String rating, String last) {
        boolean found = table.lines().map(String::trim)
                .anyMatch(l -> l.startsWith(first) && l.contains(" " + rating + " ") && l.endsWith(last));
        assertTrue(found, first + " " + rating + " " + last + " in\n" + table);
    }

    private static String printed(String rating) {
        String words = rating.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
