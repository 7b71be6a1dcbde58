package uk.probation.inspection.cases.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The CSRF check (quarkus-rest-csrf) protects the workspace's form posts, which ride on the session cookie. A call
 * with a bearer token cannot be forged cross-site (a browser never adds that header by itself), and some clients
 * label a body-less POST (publish, rebuild) as a form, which the check would refuse for lack of a form. Such a call
 * has no form: its label is dropped before the check runs, so it is judged as what it is. Anything with a body, and
 * anything without a bearer token, is untouched.
 */
public class BearerCallsAreNotForms {

    private static boolean bodyless(ResteasyReactiveContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length == null ? !request.hasEntity() : length.trim().equals("0");
    }

    /** Before the CSRF filter (Priorities.USER). */
    static final int BEFORE_CSRF = 10;

    @ServerRequestFilter(priority = BEFORE_CSRF, preMatching = true)
    public void dropFormLabelOfBodylessBearerCalls(ResteasyReactiveContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        MediaType type = request.getMediaType();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        && type.getSubtype().equals(MediaType.APPLICATION_FORM_URLENCODED_TYPE.getSubtype()))
                && bodyless(request)) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
