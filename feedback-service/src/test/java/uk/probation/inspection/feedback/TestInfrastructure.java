package uk.probation.inspection.feedback;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import uk.probation.inspection.infra.test.KafkaTestResource;
import uk.probation.inspection.infra.test.OidcTestResource;
import uk.probation.inspection.infra.test.PostgresTestResource;

/** Real Kafka, PostgreSQL and OIDC provider for every @QuarkusTest of this module (one of each per JVM). */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "feedback_service_test"),
        @ResourceArg(name = "role", value = "feedback_service") })
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
