package uk.probation.inspection.cases;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.infra.test.TestTokens;

/**
 * The audit trail: a write names the token's stable sub beside the name it shows; a name or path with line
 * breaks cannot forge a line; refusals that never reach a resource (401, 403, 413) are audited too.
 */
@QuarkusTest
class AuditTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getParameters() == null ? record.getMessage()
                    : String.format(record.getMessage().replaceAll("%[sd]", "%s"), record.getParameters()));
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
    void stopListening() {
        Logger.getLogger("audit").removeHandler(capture);
    }

    private String awaitLine(String containing) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains(containing)));
        return lines.stream().filter(l -> l.contains(containing)).findFirst().orElseThrow();
    }

    @Test
    void aWriteNamesTheStableSubjectAndNoValueCanForgeALine() {
        String forged = "lena\nwho=sub:admin what=\"DELETE /inspections\" status=200";
        String token = TestTokens.issuer().sign(Map.of("sub", "f3c1-lena", "preferred_username", forged,
                "groups", List.of("lead-inspector")), Duration.ofMinutes(5));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "Audit PDU", "region", "London", "pdu", "Audit", "frameworkId",
                        "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24",
                        "sampleTo", "2022-02-25"))
                .post("/inspections").then().statusCode(201);
        String line = awaitLine("sub:f3c1-lena");
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("name=\"lena\\u000awho=sub:admin what=\\u0022DELETE"), line);
        assertTrue(line.contains("what=\"POST /inspections\"") && line.contains("status=201"), line);
    }

    @Test
    void refusalsThatNeverReachAResourceAreAudited() {
        given().auth().oauth2("not.a.token").contentType("application/json").body("{}").post("/inspections").then()
                .statusCode(401);
        assertTrue(awaitLine("status=401").contains("what=\"POST /inspections\""), lines.toString());

        Api.as("vera", "viewer", "London").contentType("application/json").body("{}").post("/inspections").then()
                .statusCode(403);
        assertTrue(awaitLine("status=403").contains("what=\"POST /inspections\""), lines.toString());

        String id = Api.openInspection("lena", "Big body PDU", "London");
        Api.lead("lena").contentType("text/csv").body("case_ref\n" + "x".repeat(5 * 1024 * 1024))
                .post("/inspections/" + id + "/cases").then().statusCode(413);
        assertTrue(awaitLine("status=413").contains("/inspections/" + id + "/cases"), lines.toString());
    }
}
