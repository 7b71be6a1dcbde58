package uk.probation.inspection.rating;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.EndpointSecurityMatrix;

/** Every endpoint of rating-service: annotated, refuses every bad token, enforces its roles. */
@QuarkusTest
class SecurityMatrixTest extends EndpointSecurityMatrix {

    /** The dashboard's pages, the workspace's ratings panel among them, sign people in (pip.web.paths). */
    @Override
    protected java.util.List<String> browserPages() {
        return java.util.List.of("/dashboard");
    }
}
