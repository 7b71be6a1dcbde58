package uk.probation.inspection.infra.test;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.probation.inspection.infra.OidcProvider;
import uk.probation.inspection.infra.Ports;
import uk.probation.inspection.infra.TokenIssuer;

/**
 * A real HTTP OIDC provider for the test JVM: discovery and JWKS for the bearer tokens of {@link TestTokens}, and
 * the authorization code flow for browser sign-in tests (see {@link OidcProvider}).
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * Access and ID tokens of the browser sign-in live this long in tests, so that a test sees the session renew
     * them (the services' %test refresh-token-time-skew is 3 s). Bearer tokens of {@link TestTokens} live 8 hours.
     */
    public static final Duration CODE_FLOW_TOKEN_LIFETIME = Duration.ofSeconds(8);

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
        OidcProvider provider = OidcProvider.start(TestTokens.issuer(), Ports.free(), null, CODE_FLOW_TOKEN_LIFETIME);
        System.setProperty("pip.test.oidc.url", provider.url());
        System.out.println("[test-infra] OIDC provider " + provider.url());
        return provider.url();
    }

    @Override
    public void stop() {
        // Kept for the whole test JVM.
    }
}
