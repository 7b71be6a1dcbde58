package uk.probation.inspection.platform.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * {@code /signed-out.html}, where sign-out lands ({@code quarkus.oidc.web.logout.post-logout-path}): one page for
 * every service with browser pages, its "Sign in again" link the service's first page prefix ({@code pip.web.paths}).
 * A service without browser pages serves none.
 */
@ApplicationScoped
public class SignedOutPage {

    static final String PATH = "/signed-out.html";

    @ConfigProperty(name = "pip.web.paths")
    Optional<List<String>> pagePaths;

    void install(@Observes Router router) {
        if (pagePaths.isEmpty() || pagePaths.get().isEmpty()) {
            return;
        }
        String html = html(pagePaths.get().get(0) + "/");
        router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/html;charset=UTF-8").end(html));
    }

    /** The page with its link to {@code signInAgain}, a path from configuration (not from a request). */
    static String html(String signInAgain) {
        try (InputStream in = SignedOutPage.class.getResourceAsStream("signed-out.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{signInAgain}", signInAgain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
