package uk.probation.inspection.rating;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.TestTokens;

/**
 * While a rebuild (on any replica) holds the projection lock, live batches write nothing and are not lost: they
 * wait, and once the lock is free they are applied — not skipped as already processed.
 */
@QuarkusTest
class ProjectionLockTest {

    static final String LEAD = "lorna";
    static final String MEMBER = "otto";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void batchesWaitForTheRebuildsLockAndApplyAfterIt() throws Exception {
        UUID id = UUID.randomUUID();
        new CaseEventStream(id).opened("Lock PDU", "Wales", "Newport", LEAD).teamMember(LEAD, "LEAD")
                .teamMember(MEMBER, "INSPECTOR").caseRegistered("L-1", "COMMUNITY", false, "MALE", "White", "LOW").send();
        Ratings.await(id, MEMBER, r -> true);

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // What a rebuild holds for its whole transaction (here session-wide, from outside any apply).
            sql.execute("select pg_advisory_lock(hashtext('rating_projection'))");
            try {
                new CaseEventStream(id).answer("L-1", "2.2.1", "YES", null, 1).teamMemberRemoved(MEMBER).send();
                Thread.sleep(3_000);
                assertEquals(0, yes(id, "2.2.1"), "an answer applied while the lock was held");
                assertEquals(200, status(id, MEMBER), "a removal applied while the lock was held");
            } finally {
                sql.execute("select pg_advisory_unlock(hashtext('rating_projection'))");
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> yes(id, "2.2.1") == 1 && status(id, MEMBER) == 404);
    }

    private static int yes(UUID id, String question) throws Exception {
        for (JsonNode q : CaseEventStream.JSON.readTree(Ratings.body("/inspections/" + id + "/questions", LEAD))) {
            if (q.path("id").asText().equals(question)) {
                return q.path("yes").asInt();
            }
        }
        throw new AssertionError("no question " + question);
    }

    private static int status(UUID id, String user) {
        return given().auth().oauth2(TestTokens.token(user, "inspector")).get("/inspections/" + id + "/ratings")
                .statusCode();
    }
}
