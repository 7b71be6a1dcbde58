package uk.probation.inspection.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Readiness shows Kafka, the database and the outbox; the outbox backlog is a metric; OpenAPI is served. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessCoversKafkaTheDatabaseAndTheOutbox() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check",
                        "Database connections health check", "outbox"))
                .body("checks.find { it.name == 'outbox' }.data.backlog", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void outboxBacklogIsAMetric() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_backlog_events"))
                .body(containsString("outbox_oldest_age_seconds"));
    }

    @Test
    void openApiDescribesTheEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/inspections/{id}/answers"))
                .body(containsString("/frameworks/{frameworkId}"));
    }
}
