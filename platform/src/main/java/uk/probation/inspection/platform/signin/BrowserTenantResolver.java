package uk.probation.inspection.platform.signin;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/** Applies {@link BrowserTenant} to each request ({@code pip.web.paths}: the service's browser page prefixes). */
@ApplicationScoped
public class BrowserTenantResolver implements TenantResolver {

    /** quarkus-oidc's id of the tenant configured without a name (quarkus.oidc.*). */
    static final String DEFAULT_TENANT = "Default";

    private final BrowserTenant tenant;

    @Inject
    public BrowserTenantResolver(@ConfigProperty(name = "pip.web.paths") Optional<List<String>> pagePaths) {
        this.tenant = new BrowserTenant(pagePaths.orElse(List.of()));
    }

    @Override
    public String resolve(RoutingContext context) {
        boolean sessionCookie = false;
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(BrowserTenant.SESSION_COOKIE_PREFIX)) {
                sessionCookie = true;
                break;
            }
        }
        String chosen = tenant.choose(context.normalizedPath(), context.request().getHeader("Authorization") != null,
                sessionCookie, BrowserTenant.fromScript(context.request().getHeader("X-Requested-With")));
        // Named explicitly: given null, quarkus-oidc would try its other resolvers, and one of them picks a tenant
        // by its session cookie alone, which would let a cross-site request ride on the session.
        return chosen != null ? chosen : DEFAULT_TENANT;
    }
}
