package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import uk.probation.inspection.infra.TlsMaterial;
import uk.probation.inspection.infra.run.LocalSystem;
import uk.probation.inspection.infra.test.GoldenData;

/**
 * The packaged case-service and rating-service configured for TLS exactly as deploy/ configures them on Kubernetes
 * (environment only): a broker whose only client listener is SASL_SSL (SCRAM-SHA-512), a PostgreSQL that refuses
 * connections without TLS and is verified with {@code sslmode=verify-full}, the OIDC provider over HTTPS; all
 * certificates are generated here by one throw-away CA, the only one the services are told to trust. An
 * inspection opened through case-service shows its ratings through rating-service: every hop was TLS.
 */
class TlsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSystem system;
    private static TlsMaterial tls;

    @BeforeAll
    static void startEverythingOverTls() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path runDir = Path.of("target", "e2e-tls-run").toAbsolutePath();
        tls = TlsMaterial.generate(runDir.resolve("tls"));
        system = LocalSystem.start(LocalSystem.Options.isolated(root, runDir, "tls", true)
                .only("case-service", "rating-service").withTls(tls));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.stop();
        }
    }

    @Test
    void anInspectionOpenedThroughCaseServiceShowsItsRatingsThroughRatingService() throws IOException {
        String cases = system.service("case-service").url();
        String ratings = system.service("rating-service").url();
        String lead = system.tokens().token("lena", "lead-inspector", "*");
        String id = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("name", "Newham PDU", "region", "London", "pdu", "Newham",
                        "frameworkId", "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05",
                        "sampleFrom", "2022-01-24", "sampleTo", "2022-02-25"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
        given().auth().oauth2(lead).contentType("text/csv; charset=UTF-8")
                .body(Files.readString(GoldenData.newham("cases.csv")))
                .post(cases + "/inspections/" + id + "/cases").then().statusCode(201);
        given().auth().oauth2(lead).contentType("text/csv; charset=UTF-8")
                .body(Files.readString(GoldenData.newham("answers.csv")))
                .post(cases + "/inspections/" + id + "/answers").then().statusCode(200);
        JsonNode expected = JSON.readTree(GoldenData.newham("expected-ratings.json").toFile());
        // 2.2 is rated from the case answers alone (no judgement needed)
        String firstStandard = "2.2";
        String expectedRating = expected.path("standards").path(firstStandard).asText();
        assertEquals("INADEQUATE", expectedRating, "the Newham golden data changed");
        // case-service -> (outbox, SASL_SSL) -> broker -> (SASL_SSL) -> rating-service -> (TLS) -> its database
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode r = JSON.readTree(given().auth().oauth2(lead).get(ratings + "/inspections/" + id + "/ratings")
                    .then().extract().asString());
            for (JsonNode s : r.path("standards")) {
                if (s.path("id").asText().equals(firstStandard) && s.path("rating").asText().equals(expectedRating)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void everyDatabaseConnectionOfTheServicesIsEncrypted() throws SQLException {
        // at least the connection pools of both services are open once they are ready
        try (Connection admin = DriverManager.getConnection(superuserUrl(), "postgres", "");
                Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery("select a.usename, s.ssl, s.version from pg_stat_activity a "
                        + "join pg_stat_ssl s using (pid) where a.usename in ('case_service', 'rating_service')")) {
            int connections = 0;
            java.util.Set<String> users = new java.util.HashSet<>();
            while (rows.next()) {
                connections++;
                users.add(rows.getString(1));
                assertTrue(rows.getBoolean(2), rows.getString(1) + " has a connection without TLS");
                assertTrue(rows.getString(3).startsWith("TLSv1."), "protocol " + rows.getString(3));
            }
            assertTrue(connections > 0, "no connection of the services seen");
            assertEquals(java.util.Set.of("case_service", "rating_service"), users);
        }
    }

    @Test
    void theServersRefuseWhatIsNotTls() {
        // PostgreSQL: a connection without TLS is refused (pg_hba hostnossl ... reject), whatever the password
        String plain = "jdbc:postgresql://127.0.0.1:" + system.postgres().port() + "/postgres?sslmode=disable";
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(plain, "postgres", "")
                .close());
        assertTrue(refused.getMessage().contains("no encryption") || refused.getMessage().contains("pg_hba.conf"),
                refused.getMessage());
        // and verify-full fails against a CA that did not sign the server's certificate
        Path other = TlsMaterial.generate(Path.of("target", "e2e-tls-run", "other-ca")).caCertificate();
        String wrongCa = "jdbc:postgresql://127.0.0.1:" + system.postgres().port()
                + "/postgres?sslmode=verify-full&sslrootcert=" + other;
        assertThrows(SQLException.class, () -> DriverManager.getConnection(wrongCa, "postgres", "").close());
    }

    private static String superuserUrl() {
        return "jdbc:postgresql://127.0.0.1:" + system.postgres().port() + "/postgres?sslmode=verify-full&sslrootcert="
                + tls.caCertificate();
    }
}
