package uk.probation.inspection.infra.test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The security matrix of a service, derived from its compiled endpoints so that none can be left out:
 * every REST method has an explicit security annotation; every one refuses every bad token with 401 (without a token,
 * a browser page may instead send the caller to sign in at the provider); every
 * role outside its {@code @RolesAllowed} gets 403 and every role inside gets past security (never 401/403,
 * never 5xx, even with made-up ids). Extend it with a {@code @QuarkusTest} class in each service.
 */
public abstract class EndpointSecurityMatrix {

    public static final List<String> ROLES = List.of("lead-inspector", "inspector", "viewer", "survey-ingest",
            "quality-assurance", "admin");

    private final List<EndpointCatalog.Endpoint> endpoints = EndpointCatalog.ofThisModule();

    @Test
    void everyRestMethodHasAnExplicitSecurityAnnotation() {
        assertFalse(endpoints.isEmpty(), "no endpoints found in target/classes");
        assertEquals(List.of(), EndpointCatalog.unannotated(endpoints), "REST methods without a security annotation");
        assertTrue(endpoints.stream().noneMatch(e -> "PermitAll".equals(e.security())),
                "business endpoints must not be open to anonymous callers: " + endpoints);
        assertEquals(List.of(), endpoints.stream().filter(e -> !ROLES.containsAll(e.roles())).toList(),
                "endpoints naming a role that does not exist");
    }

    @Test
    void everyEndpointRefusesEveryBadToken() {
        List<String> failures = new ArrayList<>();
        for (EndpointCatalog.Endpoint endpoint : endpoints) {
            String role = endpoint.roles().isEmpty() ? "admin" : endpoint.roles().get(0);
            for (Map.Entry<String, String> bad : BadTokens.forRole(TestTokens.issuer(), role).entrySet()) {
                Response response = call(endpoint, bad.getValue());
                int status = response.statusCode();
                if (bad.getValue() == null && isBrowserPage(endpoint) && sentToSignIn(response)) {
                    continue; // a browser page without a session is sent to sign in, not refused
                }
                if (status != 401) {
                    failures.add(endpoint + " with " + bad.getKey() + ": " + status);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyEndpointEnforcesItsRoles() {
        List<String> failures = new ArrayList<>();
        for (EndpointCatalog.Endpoint endpoint : endpoints) {
            for (String role : ROLES) {
                int status = call(endpoint, TestTokens.token("matrix-" + role, role)).statusCode();
                boolean allowed = endpoint.roles().contains(role);
                if (allowed && (status == 401 || status == 403 || status >= 500)) {
                    failures.add(endpoint + " as " + role + " (allowed): " + status);
                }
                if (!allowed && status != 403) {
                    failures.add(endpoint + " as " + role + " (not allowed): " + status);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * A browser page (the workspace's, the dashboard's) refuses a caller without a token by sending it to sign in
     * at the provider (code flow), never by serving it; any other answer to "no token" must be 401.
     */
    private static boolean sentToSignIn(Response response) {
        String location = response.header("Location");
        return response.statusCode() == 302 && location != null
                && location.startsWith(OidcTestResource.url() + "/authorize?");
    }

    /**
     * Path prefixes of the service's browser pages (its sign-in tenant's {@code pip.web.paths}): there a request
     * without any token is redirected to the provider's sign-in; every bad token is still 401. None by default.
     */
    protected List<String> browserPages() {
        return List.of();
    }

    private boolean isBrowserPage(EndpointCatalog.Endpoint endpoint) {
        return browserPages().stream().anyMatch(p -> endpoint.path().equals(p) || endpoint.path().startsWith(p + "/"));
    }

    private static Response call(EndpointCatalog.Endpoint endpoint, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (List.of("POST", "PUT", "PATCH").contains(endpoint.httpMethod())) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(endpoint.httpMethod(), endpoint.samplePath());
    }
}
