package uk.probation.inspection.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small blocking HTTP client for loopback calls to the services. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A response; {@code status} is -1 when no response came (connection refused, reset, timeout). */
    public record Response(int status, String body, long nanos, String error, String contentType) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public Response requireOk(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " failed: " + status + " " + (error != null ? error : body));
            }
            return this;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    public Http(Duration timeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        this.timeout = timeout;
    }

    public Response get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    public Response send(String method, String url, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), System.nanoTime() - start, null,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            return new Response(-1, "", System.nanoTime() - start, e.toString(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "", System.nanoTime() - start, "interrupted", "");
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
