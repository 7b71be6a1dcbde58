package uk.probation.inspection.infra.test;

import java.nio.file.Path;

import uk.probation.inspection.infra.TokenIssuer;

/** Bearer tokens signed by the test OIDC provider's key (kept under target/ so every class loader shares it). */
public final class TestTokens {

    private TestTokens() {
    }

    public static TokenIssuer issuer() {
        return TokenIssuer.local(Path.of("target", "test-oidc-keys").toAbsolutePath());
    }

    /** A token for {@code user} holding {@code role}, with access to every region. */
    public static String token(String user, String role) {
        return issuer().token(user, role, "*");
    }

    public static String token(String user, String role, String region) {
        return issuer().token(user, role, region);
    }
}
