package uk.probation.inspection.cases.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;
import uk.probation.inspection.cases.support.CaseEventsReader.Event;

/** A request's W3C trace context reaches its log lines, its response and the records it causes on case-events. */
@QuarkusTest
class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

    /** Trace ids of the audit lines logged while a test runs, as their MDC had them. */
    private final List<String> auditTraces = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                auditTraces.add(ext.getMdc("traceId") + " " + ext.getFormattedMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("audit").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("audit").removeHandler(capture);
    }

    @Test
    void aPutsTraceTravelsToItsLogLineAndItsEventOnCaseEvents() {
        String id = Api.openInspection("lena", "Trace PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            Response put = Api.lead("lena").header("traceparent", SENT).contentType("application/json")
                    .body(Map.of("answer", "YES")).put("/inspections/" + id + "/cases/NEW-001/answers/2.2.1");
            put.then().statusCode(200);
            // Our span of the caller's trace: same trace id, a span id of its own
            String answered = put.header("traceparent");
            assertTrue(answered.startsWith("00-" + TRACE + "-"), answered);
            assertNotEquals(SENT, answered);

            Event answer = reader.awaitAtLeast(4, Duration.ofSeconds(30)).stream()
                    .filter(e -> e.type().equals("answer.recorded")).findFirst().orElseThrow();
            assertEquals(answered, answer.traceparent(), "the record carries the request's span as its parent");
            assertTrue(auditTraces.stream().anyMatch(l -> l.startsWith(TRACE + " ") && l.contains("PUT")
                    && l.contains(id)), auditTraces.toString());

            // Without a traceparent, a new trace: in the response, the event and the log line alike
            Response second = Api.lead("lena").contentType("application/json").body(Map.of("answer", "NO"))
                    .put("/inspections/" + id + "/cases/NEW-001/answers/2.2.1");
            second.then().statusCode(200);
            String fresh = second.header("traceparent");
            assertTrue(fresh.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"), fresh);
            assertTrue(!fresh.contains(TRACE));
            List<Event> answers = reader.awaitAtLeast(5, Duration.ofSeconds(30)).stream()
                    .filter(e -> e.type().equals("answer.recorded")).toList();
            assertEquals(fresh, answers.get(1).traceparent());
            String freshTrace = fresh.substring(3, 35);
            assertTrue(auditTraces.stream().anyMatch(l -> l.startsWith(freshTrace + " ")), auditTraces.toString());

            // A malformed traceparent is not continued
            String bad = Api.lead("lena").header("traceparent", "00-" + TRACE.toUpperCase() + "-00f067aa0ba902b7-01")
                    .get("/inspections/" + id).then().statusCode(200).extract().header("traceparent");
            assertTrue(!bad.contains(TRACE) && !bad.contains(TRACE.toUpperCase()), bad);
        }
    }
}
