package uk.probation.inspection.rating.signin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.platform.signin.SignedIn;

/**
 * The person signed in to the region dashboard (a browser path: without a session it sends the browser to sign in).
 * The dashboard shows it, takes the region from it, and links to sign out.
 */
@Path("/dashboard/session")
public class SessionResource {

    /** Handled by quarkus-oidc (quarkus.oidc.web.logout.path): ends this session and the provider's. */
    static final String SIGN_OUT = "/dashboard/sign-out";

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.VIEWER, Caller.ADMIN })
    public SignedIn session() {
        return SignedIn.of(caller, token, SIGN_OUT);
    }
}
