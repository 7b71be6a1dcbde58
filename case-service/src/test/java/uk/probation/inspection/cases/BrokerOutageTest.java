package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;
import uk.probation.inspection.cases.support.CaseEventsReader.Event;
import uk.probation.inspection.infra.test.KafkaTestResource;

/**
 * With the broker killed, answers are still accepted; once it is back, every event arrives, once per ce_id,
 * in commit order. The broker is restarted in a finally block so that later test classes find it.
 */
@QuarkusTest
class BrokerOutageTest {

    @Test
    void answersAreAcceptedWhileKafkaIsDownAndArriveInOrderAfterwards() throws InterruptedException {
        String id = Api.openInspection("lena", "Outage PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 3));
        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            reader.awaitAtLeast(5, Duration.ofSeconds(60)); // everything so far has been published
        }
        String batch = Api.golden("answers.csv").lines().filter(l -> l.startsWith("NEW-001,") || l.startsWith("NEW-002,"))
                .reduce("case_ref,question_id,answer\n", (a, b) -> a + b + "\n");
        int batchSize = (int) batch.lines().count() - 1;
        List<String> expected = new ArrayList<>();
        KafkaTestResource.killBroker();
        try {
            Api.lead("lena").contentType("text/csv").body(batch).post("/inspections/" + id + "/answers").then()
                    .statusCode(200).body("recorded", equalTo(batchSize));
            batch.lines().skip(1).forEach(l -> expected.add(l.substring(0, l.lastIndexOf(',')) + ",1"));
            Api.lead("lena").contentType("application/json").body(Map.of("answer", "NO"))
                    .put("/inspections/" + id + "/cases/NEW-003/answers/2.2.1").then().statusCode(200);
            expected.add("NEW-003,2.2.1,1");
            Api.lead("lena").contentType("application/json").body(Map.of("answer", "YES"))
                    .put("/inspections/" + id + "/cases/NEW-003/answers/2.2.1").then().statusCode(200)
                    .body("version", equalTo(2));
            expected.add("NEW-003,2.2.1,2");
            // Stay down longer than the relay's producer waits for metadata (max.block.ms, 10 s), so that the
            // outage outlasts at least one send attempt, as a real outage does.
            Thread.sleep(12_000);
        } finally {
            KafkaTestResource.restartBroker();
        }

        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            List<Event> all = reader.awaitDistinct(5 + expected.size(), Duration.ofSeconds(90));
            Map<String, Event> byId = new LinkedHashMap<>();
            for (Event e : all) {
                Event earlier = byId.putIfAbsent(e.id(), e);
                if (earlier != null) {
                    assertEquals(earlier.data(), e.data(), "a resend carries the same event");
                }
            }
            List<Event> distinct = new ArrayList<>(byId.values());
            assertEquals(5 + expected.size(), distinct.size(), "every event once per ce_id");
            List<String> answers = distinct.subList(5, distinct.size()).stream().map(e -> {
                assertEquals("answer.recorded", e.type());
                String d = e.data();
                return field(d, "caseRef") + "," + field(d, "questionId") + "," + d.replaceAll(".*\"version\":(\\d+).*", "$1");
            }).toList();
            assertEquals(expected, answers, "in commit order");
        }
    }

    private static String field(String json, String name) {
        return json.replaceAll(".*\"" + name + "\":\"([^\"]*)\".*", "$1");
    }
}
