package uk.probation.inspection.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a screen for sign-in tests: keeps cookies as a browser does (per host, ports share them),
 * follows nothing by itself, and records every URL it was sent to so a test can look for tokens in them.
 */
public final class CodeFlowClient {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    // HTTP/1.1 as browsers speak to a plain-http origin (never an h2c upgrade)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> visited = new ArrayList<>();

    /** A page load (Accept as Chromium sends it for a navigation), no redirect followed. */
    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
    }

    /** A call from the page's script: X-Requested-With: JavaScript, JSON accepted. */
    public HttpResponse<String> script(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("X-Requested-With", "JavaScript").GET());
    }

    /** The same call without saying it comes from the page's script (as a cross-site form or link would). */
    public HttpResponse<String> json(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Follows redirects from {@code response} (page loads) until a non-redirect answer. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10 && isRedirect(current); i++) {
            current = get(location(current));
        }
        return current;
    }

    public static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() == 302 || response.statusCode() == 303 || response.statusCode() == 307;
    }

    /** The Location header made absolute against the request's URL. */
    public static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in " + response.statusCode() + " " + response.uri()));
        return response.uri().resolve(location).toString();
    }

    /** The query parameters of {@code url}. */
    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    /** The local provider's sign-in page: the hidden request id of the form that signs {@code username} in. */
    public static String signInRequest(String page, String username) {
        Matcher m = Pattern.compile("name=\"request\" value=\"([^\"]+)\"><input type=\"hidden\" name=\"person\" value=\""
                + Pattern.quote(username) + "\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no sign-in button for " + username + " in " + page);
        }
        return m.group(1);
    }

    /** Cookies this client holds whose names start with {@code prefix}. */
    public List<HttpCookie> cookies(String prefix) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().startsWith(prefix)).toList();
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Puts a cookie back (a stolen or remembered one) for {@code url}'s host. */
    public void setCookie(String url, String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(url), cookie);
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** Every URL requested or redirected to, in order. */
    public List<String> visited() {
        return List.copyOf(visited);
    }

    /** The claims of a JWT's payload as JSON text, or null when {@code value} is not a readable JWT. */
    public static String jwtPayload(String value) {
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return json.startsWith("{") ? json : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        visited.add(built.uri().toString());
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Location").ifPresent(l -> visited.add(built.uri().resolve(l).toString()));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
