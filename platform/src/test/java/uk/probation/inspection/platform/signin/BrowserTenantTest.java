package uk.probation.inspection.platform.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BrowserTenantTest {

    private final BrowserTenant tenant = new BrowserTenant(List.of("/workspace/"));

    @Test
    void pagesSignInWithTheCodeFlow() {
        assertEquals("web", tenant.choose("/workspace", false, false, false));
        assertEquals("web", tenant.choose("/workspace/inspections/1", false, false, false));
        assertEquals("web", tenant.choose("/workspace/sign-out", false, true, false));
    }

    @Test
    void aBearerTokenIsAlwaysABearerRequest() {
        assertNull(tenant.choose("/workspace/", true, true, true));
        assertNull(tenant.choose("/inspections", true, true, true));
    }

    @Test
    void apiPathsRideOnTheSessionOnlyFromThePagesScript() {
        assertEquals("web", tenant.choose("/inspections", false, true, true));
        assertNull(tenant.choose("/inspections", false, true, false), "a cookie alone (a cross-site form) is not enough");
        assertNull(tenant.choose("/inspections", false, false, true), "no session: a bearer request without a token, 401");
        assertNull(tenant.choose("/inspections", false, false, false));
    }

    @Test
    void prefixesMatchWholeSegments() {
        assertNull(tenant.choose("/workspaces", false, false, false));
        assertFalse(tenant.isPage("/workspace-admin"));
        assertTrue(tenant.isPage("/workspace/x"));
    }

    @Test
    void noPagesNoWebTenant() {
        BrowserTenant none = new BrowserTenant(List.of());
        assertNull(none.choose("/workspace/", false, true, true));
        assertNull(none.choose("/inspections", false, true, true));
    }

    @Test
    void scriptRequests() {
        assertTrue(BrowserTenant.fromScript("JavaScript"));
        assertTrue(BrowserTenant.fromScript("XMLHttpRequest"));
        assertFalse(BrowserTenant.fromScript(null));
        assertFalse(BrowserTenant.fromScript("curl"));
    }
}
