package uk.probation.inspection.platform.signin;

import java.util.List;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

import uk.probation.inspection.platform.security.Caller;

/**
 * Who is signed in, as a browser page shows it: name, roles, regions, when the current tokens expire (the session
 * renews them before that) and where signing out is. For a session this is the ID token's view; for a bearer
 * caller, the access token's.
 */
public record SignedIn(String username, String name, List<String> roles, List<String> regions, Long expiresAt,
        String signOut) {

    public static SignedIn of(Caller caller, JsonWebToken token, String signOutPath) {
        String name = token.getClaim("name");
        long exp = token.getExpirationTime();
        return new SignedIn(caller.username(), name != null ? name : caller.username(),
                List.copyOf(new TreeSet<>(caller.roles())), caller.regions(), exp > 0 ? exp : null, signOutPath);
    }
}
