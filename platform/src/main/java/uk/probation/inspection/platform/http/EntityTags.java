package uk.probation.inspection.platform.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Entity tags of response bodies and the {@code If-None-Match} test (RFC 9110 §8.8.3, §13.1.2). The tag is a digest
 * of the exact bytes a caller is sent: two callers get the same tag only for the same body, so a tag carries nothing
 * the caller could not read, and whatever decides the body (the caller's rights, the published snapshot a viewer
 * sees) decides the tag too.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** A strong tag: the first 128 bits of the body's SHA-256, base64url. */
    public static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * True when {@code ifNoneMatch} (the header as sent, possibly a list, possibly weak tags) names {@code tag} or is
     * {@code *}: the weak comparison a GET uses.
     */
    public static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || ifNoneMatch.length() > 8192) {
            return false;
        }
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
