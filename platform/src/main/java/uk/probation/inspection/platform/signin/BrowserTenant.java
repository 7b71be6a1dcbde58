package uk.probation.inspection.platform.signin;

import java.util.List;

/**
 * Which OIDC configuration authenticates a request: the default tenant (bearer tokens only, as every API client
 * uses; no token means 401) or the {@value #WEB} tenant (the authorization code flow with PKCE and an encrypted
 * session cookie, for people in a browser).
 * <p>
 * A request carrying an {@code Authorization} header is always a bearer request. Otherwise a page path (the
 * service's browser pages: the workspace, the dashboard) is the web tenant's, so an unauthenticated page load is
 * sent to sign in. An API path is the web tenant's only when it carries the session cookie and says it comes from
 * the page's script ({@code X-Requested-With}); a custom header cannot be sent cross-site without a CORS preflight,
 * which these services refuse, so another site cannot make a signed-in browser call the API. Anything else keeps
 * exactly the bearer behaviour of before: 401 problem+json without a token.
 */
public final class BrowserTenant {

    public static final String WEB = "web";
    /** quarkus-oidc's session cookie of the web tenant: q_session_web[_suffix], split ones with _1, _2, ... */
    static final String SESSION_COOKIE_PREFIX = "q_session_" + WEB;

    private final List<String> pagePaths;

    /** {@code pagePaths}: path prefixes of browser pages, e.g. {@code /workspace}; empty means no web tenant. */
    public BrowserTenant(List<String> pagePaths) {
        this.pagePaths = pagePaths.stream().map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p)
                .filter(p -> !p.isEmpty()).toList();
    }

    /** The tenant id, or null for the default (bearer) tenant. */
    public String choose(String path, boolean hasAuthorization, boolean hasSessionCookie, boolean fromScript) {
        if (pagePaths.isEmpty() || hasAuthorization || path == null) {
            return null;
        }
        if (isPage(path)) {
            return WEB;
        }
        return hasSessionCookie && fromScript ? WEB : null;
    }

    boolean isPage(String path) {
        return pagePaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    /** The X-Requested-With values quarkus-oidc treats as a script's request (answered 499, never redirected). */
    public static boolean fromScript(String requestedWith) {
        return "JavaScript".equals(requestedWith) || "XMLHttpRequest".equals(requestedWith);
    }
}
