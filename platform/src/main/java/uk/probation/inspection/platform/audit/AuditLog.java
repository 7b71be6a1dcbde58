package uk.probation.inspection.platform.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * One audit line per write request, whatever its outcome: who, what, which inspection, result. Reads are not
 * audited here (they are many and change nothing); the category {@code audit} can be routed separately.
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
        Matcher inspection = INSPECTION.matcher(path);
        String who = identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        AUDIT.infof("who=%s what=\"%s %s\" inspection=%s status=%d", who, method, path,
                inspection.find() ? inspection.group(1) : "-", response.getStatus());
    }
}
