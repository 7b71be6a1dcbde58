package uk.probation.inspection.rating.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real Server-Sent Events client over java.net.http: streams the body and parses events as they arrive. */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, JsonNode data) {
        String inspectionId() {
            return data.path("inspectionId").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: late in the module's run the broker and snapshot writer are busy with earlier tests' inspections. */
    private static final Duration AWAIT = Duration.ofSeconds(90);
    final List<Event> events = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger comments = new java.util.concurrent.atomic.AtomicInteger();
    final HttpResponse<Stream<String>> response;
    private final Thread reader;

    SseClient(URI uri, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        String id = null, name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, JSON.readTree(data.toString())));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
                }
            }
        } catch (Exception e) {
            // closed by the test or the server
        }
    }

    /** Waits for an event matching {@code condition} and returns it. */
    Event await(Predicate<Event> condition) {
        Event[] found = new Event[1];
        try {
            Awaitility.await().atMost(AWAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
                for (Event event : events) {
                    if (condition.test(event)) {
                        found[0] = event;
                        return true;
                    }
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no such event in " + AWAIT.toSeconds() + " s; the stream " + (ended() ? "ended" : "is open")
                    + " and sent " + events.size() + ": " + events, e);
        }
        return found[0];
    }

    List<String> inspectionIds() {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.inspectionId()));
        return ids;
    }

    /** True once the server has ended the stream. */
    boolean ended() {
        return !reader.isAlive();
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
