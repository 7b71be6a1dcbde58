package uk.probation.inspection.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.SecurityEvent;
import io.vertx.ext.web.RoutingContext;

/**
 * Audits requests refused before they reach a resource: a missing, expired or forged token (401) and a role that
 * may not call the endpoint (403), from Quarkus' security events, reads included.
 */
@ApplicationScoped
public class RefusalAudit {

    void authentication(@Observes AuthenticationFailureEvent event) {
        audit(event, "anonymous", 401);
    }

    void authorization(@Observes AuthorizationFailureEvent event) {
        boolean anonymous = event.getSecurityIdentity() == null || event.getSecurityIdentity().isAnonymous();
        audit(event, anonymous ? "anonymous" : AuditLog.clean(event.getSecurityIdentity().getPrincipal().getName()),
                anonymous ? 401 : 403);
    }

    private static void audit(SecurityEvent event, String who, int status) {
        RoutingContext routing = routing(event);
        AuditLog.line(who, routing == null ? "-" : routing.request().method().name(),
                routing == null ? "-" : routing.request().path(), status);
    }

    private static RoutingContext routing(SecurityEvent event) {
        if (event.getEventProperties() == null) {
            return null;
        }
        for (Object value : event.getEventProperties().values()) {
            if (value instanceof RoutingContext routing) {
                return routing;
            }
        }
        return null;
    }
}
