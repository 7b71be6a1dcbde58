package uk.probation.inspection.cases;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.EndpointSecurityMatrix;

/** Every endpoint of case-service: annotated, refuses every bad token, enforces its roles. */
@QuarkusTest
class SecurityMatrixTest extends EndpointSecurityMatrix {
}
