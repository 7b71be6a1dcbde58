package uk.probation.inspection.platform.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * One audit line per write request, whatever its outcome: who (the token's {@code sub}, which is stable, and the
 * name it shows), what, which inspection, result; and one per request refused before it reached a resource (no or
 * a bad token: 401; a body over the limit: 413), reads included. Reads that pass are not audited here (they are
 * many and change nothing); the category {@code audit} can be routed separately. Every value is escaped
 * ({@link #clean}), so a name or a path carrying line breaks cannot forge a line.
 */
public class AuditLog {

    private static final Logger AUDIT = Logger.getLogger("audit");
    private static final Pattern INSPECTION = Pattern.compile("/inspections/([^/]+)");

    @Inject
    SecurityIdentity identity;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        line(who(identity), method, path, response.getStatus());
    }

    /** A body over the limit is refused before the resource too (see BodyLimit). */
    public static void tooLarge(RoutingContext routing) {
        line("unknown", routing.request().method().name(), routing.request().path(), 413);
    }

    static void line(String who, String method, String path, int status) {
        Matcher inspection = INSPECTION.matcher(path == null ? "" : path);
        AUDIT.infof("who=%s what=\"%s %s\" inspection=%s status=%d", who, clean(method), clean(path),
                inspection.find() ? clean(inspection.group(1)) : "-", status);
    }

    private static String who(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        String name = clean(identity.getPrincipal().getName());
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return "sub:" + clean(token.getSubject()) + " name=\"" + name + "\"";
        }
        return name;
    }

    /**
     * Control characters (line breaks above all), quotes and backslashes become {@code \\uXXXX}, so every audit
     * entry stays one line and its fields stay where they are, whatever a client sends (decoded %0A included).
     */
    static String clean(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() > 500 ? out.substring(0, 500) + "…" : out.toString();
    }
}
