package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local token issuer: an RSA key kept in a directory, and RS256-signed JWTs the services accept when
 * configured with its public key ({@code quarkus.oidc.public-key}) and issuer. For ./run and for tests
 * that need tokens a real provider would refuse (other key, expired, wrong issuer or audience).
 */
public final class TokenIssuer {

    public static final String LOCAL_ISSUER = "https://probation-inspection.local/issuer";
    public static final String AUDIENCE = "probation-inspection";
    static final String KEY_ID = "local";

    private final KeyPair keys;
    private final String issuer;

    public TokenIssuer(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** Loads the key pair kept in {@code dir}, creating it on first use. */
    public static TokenIssuer local(Path dir) {
        return new TokenIssuer(loadOrCreate(dir), LOCAL_ISSUER);
    }

    /** A throwaway key: tokens from it fail signature checks everywhere. */
    public static TokenIssuer ephemeral(String issuer) {
        return new TokenIssuer(generate(), issuer);
    }

    /** The same key, another issuer name: tokens a provider must refuse for their issuer alone. */
    public TokenIssuer withIssuer(String otherIssuer) {
        return new TokenIssuer(keys, otherIssuer);
    }

    public String issuer() {
        return issuer;
    }

    /** The public key as a PEM body without header lines, the form quarkus.oidc.public-key takes. */
    public String publicKeyPem() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }

    /** True when {@code jwt} is an RS256 token signed with this issuer's key (claims are not checked here). */
    boolean signedHere(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(keys.getPublic());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A token for {@code user} with one role; {@code region} may be null. */
    public String token(String user, String role, String region) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user);
        claims.put("preferred_username", user);
        claims.put("groups", List.of(role));
        if (region != null) {
            claims.put("region", region);
        }
        return sign(claims, Duration.ofHours(8));
    }

    /** Standard claims (iss, aud, iat, exp, jti) are added unless {@code claims} sets them. */
    public String sign(Map<String, Object> claims, Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("iss", issuer);
        body.put("aud", AUDIENCE);
        body.put("iat", now.getEpochSecond());
        body.put("exp", now.plus(lifetime).getEpochSecond());
        body.put("jti", UUID.randomUUID().toString());
        body.putAll(claims);
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}") + "."
                + base64Url(Json.write(body));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair loadOrCreate(Path dir) {
        Path privateFile = dir.resolve("issuer-private.key");
        Path publicFile = dir.resolve("issuer-public.key");
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getDecoder().decode(Files.readString(privateFile).trim())));
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(
                        Base64.getDecoder().decode(Files.readString(publicFile).trim())));
                return new KeyPair(publicKey, privateKey);
            }
            KeyPair pair = generate();
            Files.createDirectories(dir);
            Files.writeString(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            Files.writeString(publicFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough JSON writing for JWT claims: strings, numbers, booleans, lists and maps. */
    static final class Json {
        private Json() {
        }

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                return quote(s);
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Json::write).collect(Collectors.joining(",", "[", "]"));
            }
            if (value instanceof Map<?, ?> map) {
                return map.entrySet().stream()
                        .map(e -> quote(String.valueOf(e.getKey())) + ":" + write(e.getValue()))
                        .collect(Collectors.joining(",", "{", "}"));
            }
            throw new IllegalArgumentException("not JSON: " + value.getClass());
        }

        private static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
