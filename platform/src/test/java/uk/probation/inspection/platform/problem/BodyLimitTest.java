package uk.probation.inspection.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The body limit on a real Vert.x server: over-limit bodies, declared or chunked, get a 413 problem naming the
 * limit; bodies within it reach the application whole.
 */
class BodyLimitTest {

    static final int LIMIT = 1000;
    static final ObjectMapper JSON = new ObjectMapper();

    static Vertx vertx;
    static HttpServer server;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        BodyLimit.install(router, LIMIT, JSON);
        // Stands in for the application: answers with the number of bytes it received.
        router.post("/echo").handler(ctx -> {
            if (ctx.body().available()) {
                ctx.response().end(Integer.toString(ctx.body().length()));
            } else {
                ctx.request().body().onSuccess(b -> ctx.response().end(Integer.toString(b.length())));
            }
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static HttpRequest.Builder echo() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/echo"))
                .timeout(Duration.ofSeconds(30));
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void assertTooLarge(HttpResponse<String> response, String... detailParts) throws Exception {
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(Problem.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(413, problem.path("status").asInt());
        assertEquals("https://probation-inspection.example/problems/payload-too-large", problem.path("type").asText());
        assertEquals("Payload too large", problem.path("title").asText());
        for (String part : detailParts) {
            assertTrue(problem.path("detail").asText().contains(part), problem.path("detail").asText());
        }
    }

    @Test
    void declaredOverLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        // A raw socket, because Java 17's HttpClient never completes an Expect: 100-continue exchange whose final
        // answer has a body. Only the headers are sent: the answer must come without waiting for the body.
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: 1001\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until closed
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals(413, problem.path("status").asInt());
            assertTrue(problem.path("detail").asText().contains("limit of 1000 bytes (1000 bytes); its Content-Length is 1001"),
                    problem.path("detail").asText());
        }
    }

    @Test
    void declaredOverLimitIsRefusedWhileTheBodyIsSent() throws Exception {
        HttpResponse<String> response = send(echo().POST(HttpRequest.BodyPublishers.ofString("x".repeat(50_000))).build());
        assertTooLarge(response, "1000 bytes", "Content-Length is 50000 bytes");
    }

    @Test
    void theRestOfARefusedBodyIsReadBeforeTheConnectionCloses() throws Exception {
        // Closing while the client still sends makes the kernel reset the connection, which can destroy the 413
        // before the client reads it. The server drains the body instead: every byte can still be sent.
        int length = 16 * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 413 "), head);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("connection: close"), head);
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk);
            }
            out.flush();
            in.readAllBytes(); // the problem body, then the end of the connection once the body has arrived
        }
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        return head.toString();
    }

    @Test
    void chunkedOverLimitIsRefused() throws Exception {
        // ofInputStream has no known length, so the client sends Transfer-Encoding: chunked.
        byte[] body = "y".repeat(LIMIT * 20).getBytes();
        HttpResponse<String> response = send(echo()
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
        assertTooLarge(response, "limit of 1000 bytes");
    }

    @Test
    void bodiesWithinTheLimitArriveWhole() throws Exception {
        assertEquals("1000", send(echo().POST(HttpRequest.BodyPublishers.ofString("z".repeat(LIMIT))).build()).body());
        byte[] body = "z".repeat(LIMIT).getBytes();
        HttpResponse<String> chunked = send(echo()
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
        assertEquals(200, chunked.statusCode());
        assertEquals("1000", chunked.body());
    }

    @Test
    void limitsAreNamedAsConfigured() {
        assertEquals("4 MB", BodyLimit.readable(4L * 1024 * 1024));
        assertEquals("10 MB", BodyLimit.readable(10240L * 1024));
        assertEquals("512 KB", BodyLimit.readable(512L * 1024));
        assertEquals("1000 bytes", BodyLimit.readable(1000));
    }
}
