package uk.probation.inspection.cases.sampling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The seeded random order cases are drawn in: ascending SHA-256 of {@code "<seed>:<caseRef>"} in hex. Unlike a
 * shuffle it does not depend on the order of the long list, and anyone can recompute it
 * ({@code printf '7:NEW-001' | sha256sum}), which is how docs/sampling.md works its example by hand.
 */
public final class DrawOrder {

    private DrawOrder() {
    }

    public static String key(long seed, String caseRef) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((seed + ":" + caseRef).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
