package uk.probation.inspection.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.probation.inspection.infra.OidcProvider;
import uk.probation.inspection.infra.Ports;
import uk.probation.inspection.infra.TokenIssuer;

/**
 * A real HTTP OIDC provider (discovery and JWKS) for the test JVM; tokens come from {@link TestTokens}.
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", url(),
                "quarkus.oidc.token.audience", TokenIssuer.AUDIENCE);
    }

    public static synchronized String url() {
        String running = System.getProperty("pip.test.oidc.url");
        if (running != null) {
            return running;
        }
        OidcProvider provider = OidcProvider.start(TestTokens.issuer(), Ports.free());
        System.setProperty("pip.test.oidc.url", provider.url());
        System.out.println("[test-infra] OIDC provider " + provider.url());
        return provider.url();
    }

    @Override
    public void stop() {
        // Kept for the whole test JVM.
    }
}
