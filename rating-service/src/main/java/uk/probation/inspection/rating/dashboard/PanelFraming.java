package uk.probation.inspection.rating.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * The one rating-service page that may be framed: the workspace's live panel ({@link WorkspacePanelResource}). Every
 * response carries {@code X-Frame-Options: DENY} and {@code frame-ancestors 'none'} (application.properties); for the
 * panel those two are replaced, just before the headers go out, by a policy naming the workspace's origin.
 */
@ApplicationScoped
public class PanelFraming {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self' ";

    @ConfigProperty(name = "pip.panel.frame-ancestors", defaultValue = "http://127.0.0.1:8081")
    String frameAncestors;

    void install(@Observes Router router) {
        router.route("/dashboard/panel/*").order(-1000).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> {
                MultiMap headers = ctx.response().headers();
                headers.remove("X-Frame-Options");
                headers.set("Content-Security-Policy", POLICY + frameAncestors);
            });
            ctx.next();
        });
    }
}
