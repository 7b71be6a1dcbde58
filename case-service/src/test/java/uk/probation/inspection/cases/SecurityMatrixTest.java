package uk.probation.inspection.cases;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.EndpointSecurityMatrix;

/** Every endpoint of case-service: annotated, refuses every bad token, enforces its roles. */
@QuarkusTest
class SecurityMatrixTest extends EndpointSecurityMatrix {

    /** The workspace's pages sign people in (pip.web.paths). */
    @Override
    protected java.util.List<String> browserPages() {
        return java.util.List.of("/workspace");
    }
}
