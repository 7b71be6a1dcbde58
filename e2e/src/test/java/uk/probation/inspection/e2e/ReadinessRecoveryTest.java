package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import uk.probation.inspection.infra.run.LocalSystem;

/**
 * Readiness tells the truth: losing PostgreSQL or the broker turns every service's /q/health/ready DOWN, and
 * each recovers by itself when they return, without a restart. Runs after the functional end-to-end tests.
 */
@Order(90)
class ReadinessRecoveryTest {

    private static final List<String> SERVICES = List.of("case-service", "rating-service", "feedback-service");

    @Test
    void brokerOutageTurnsReadinessDownAndBack() {
        LocalSystem system = RunningSystem.get();
        awaitReadiness(200);
        system.broker().kill();
        try {
            awaitReadiness(503);
        } finally {
            system.broker().launch();
        }
        awaitReadiness(200);
    }

    @Test
    void databaseOutageTurnsReadinessDownAndBack() {
        LocalSystem system = RunningSystem.get();
        awaitReadiness(200);
        system.postgres().stopEmbedded();
        try {
            awaitReadiness(503);
        } finally {
            system.postgres().restartEmbedded();
        }
        awaitReadiness(200);
    }

    private static void awaitReadiness(int status) {
        for (String service : SERVICES) {
            await(service + " readiness " + status).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().get(RunningSystem.managementUrl(service) + "/q/health/ready").statusCode() == status);
        }
    }
}
