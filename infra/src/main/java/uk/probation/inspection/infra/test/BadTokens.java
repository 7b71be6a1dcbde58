package uk.probation.inspection.infra.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.probation.inspection.infra.TokenIssuer;

/**
 * Tokens a correct OIDC resource server must refuse (401), each wrong in exactly one way. A null value
 * means "no Authorization header at all".
 */
public final class BadTokens {

    private BadTokens() {
    }

    /** Name of the defect → token, each otherwise valid for {@code role}. */
    public static Map<String, String> forRole(TokenIssuer issuer, String role) {
        Map<String, Object> claims = Map.of("sub", "mallory", "preferred_username", "mallory",
                "groups", List.of(role), "region", "*");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("expired", issuer.sign(claims, Duration.ofMinutes(-10)));
        tokens.put("wrong issuer", issuer.withIssuer("https://impostor.example/issuer").sign(claims, Duration.ofHours(1)));
        Map<String, Object> otherAudience = new LinkedHashMap<>(claims);
        otherAudience.put("aud", "some-other-service");
        tokens.put("wrong audience", issuer.sign(otherAudience, Duration.ofHours(1)));
        tokens.put("bad signature", TokenIssuer.ephemeral(issuer.issuer()).sign(claims, Duration.ofHours(1)));
        String valid = issuer.sign(claims, Duration.ofHours(1));
        String[] parts = valid.split("\\.");
        tokens.put("alg none", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        Map<String, Object> escalated = new LinkedHashMap<>(claims);
        escalated.put("groups", List.of("admin", "lead-inspector", "inspector", "viewer", "survey-ingest"));
        String forged = issuer.sign(escalated, Duration.ofHours(1)).split("\\.")[1];
        tokens.put("tampered claims", parts[0] + "." + forged + "." + parts[2]);
        tokens.put("garbage", "not-a-jwt");
        return tokens;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
