package uk.probation.inspection.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.GoldenData;

/** Every event delivered twice (same ce_id, as a redelivery or outbox resend would) changes nothing. */
@QuarkusTest
class DuplicateDeliveryTest {

    static final String LEAD = "lena";

    @Test
    void everyEventTwiceGivesTheSameState() throws Exception {
        UUID id = UUID.randomUUID();
        CaseEventStream stream = CaseEventStream.newham(id, LEAD);
        List<ProducerRecord<String, String>> twice = new ArrayList<>(stream.records);
        twice.addAll(stream.records); // the whole stream again, same ids: a replay after a lost offset commit
        for (ProducerRecord<String, String> record : stream.records.subList(0, 200)) {
            twice.add(record); // and some immediately repeated
        }
        // A marker at the end: once its member can read the ratings, everything before it has been applied.
        CaseEventStream marker = new CaseEventStream(id).teamMember("marker", "INSPECTOR");
        twice.addAll(marker.records);
        CaseEventStream.sendAll(twice);
        Ratings.await(id, "marker", r -> true);

        JsonNode ratings = Ratings.get(id, LEAD);
        JsonNode expected = CaseEventStream.JSON.readTree(Files.readString(GoldenData.newham("expected-ratings.json")));
        assertEquals(expected.path("overall"), ratings.path("overall"));
        for (JsonNode standard : ratings.path("standards")) {
            assertEquals(expected.path("standards").path(standard.path("id").asText()).asText(),
                    standard.path("rating").asText());
        }
        Map<String, JsonNode> all = Ratings.byId(Ratings.questions(id, LEAD, ""));
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("questions").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> figure = it.next();
            NewhamRatingsTest.assertFigure(figure.getKey(), figure.getValue(), all.get(figure.getKey()));
        }
        // Each case's answer counted once: yes + no + n/a is 33 for every question of the published figures.
        expected.path("questions").fieldNames().forEachRemaining(question -> assertEquals(33,
                all.get(question).path("yes").asInt() + all.get(question).path("no").asInt()
                        + all.get(question).path("notApplicable").asInt(), question));
        Map<String, JsonNode> resettlement = Ratings.byId(Ratings.questions(id, LEAD, "?cohort=RESETTLEMENT"));
        expected.path("cohorts").path("RESETTLEMENT").fields().forEachRemaining(figure -> NewhamRatingsTest
                .assertFigure(figure.getKey(), figure.getValue(), resettlement.get(figure.getKey())));
    }
}
