package uk.probation.inspection.infra.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./run --demo}: loads the Newham inspection shipped in {@code demo/newham} and the youth justice inspection
 * of {@code demo/youth} through the public REST APIs, as a lead inspector and User Voice would, then prints each
 * ratings table once rating-service has it.
 */
public final class DemoLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSystem system;
    private final Path data;
    private final Path youth;
    /**
     * HTTP/1.1: the JDK client otherwise upgrades a reused connection to HTTP/2 (h2c), and the services then fail a
     * bodiless GET with "Request has already been read" (seen polling the second demo's ratings).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String lead;
    /** Survey responses come from User Voice's system (role survey-ingest), never from the team. */
    private final String ingest;

    /** {@code root}: the project's folder, which holds {@code demo/}. */
    public DemoLoader(LocalSystem system, Path root) {
        this.system = system;
        this.data = root.toAbsolutePath().resolve("demo").resolve("newham");
        this.youth = data.resolveSibling("youth");
        this.lead = system.tokens().token("lena", "lead-inspector", "*");
        this.ingest = system.tokens().token("user-voice", "survey-ingest", null);
    }

    /** What ./run --demo prints for each inspection: its ratings as rating-service serves them, and as a table. */
    public record Loaded(String id, String title, JsonNode ratings, String table) {
    }

    /** Loads both demos and prints their tables; returns what it printed, Newham first. */
    public List<Loaded> load() throws IOException, InterruptedException {
        String cases = system.service("case-service").url();
        JsonNode inspection = call("POST", cases + "/inspections", "application/json",
                Files.readString(data.resolve("inspection.json")), 201);
        String id = inspection.get("id").asText();
        LocalSystem.say("demo: opened inspection " + id + " (Newham PDU, London)");
        call("POST", cases + "/inspections/" + id + "/cases", "text/csv", Files.readString(data.resolve("cases.csv")), -1);
        JsonNode answers = call("POST", cases + "/inspections/" + id + "/answers", "text/csv",
                Files.readString(data.resolve("answers.csv")), 200);
        LocalSystem.say("demo: 33 cases, " + answers.path("recorded").asInt() + " answers recorded");
        List<String> judgements = Files.readAllLines(data.resolve("judgements.csv"));
        for (String line : judgements.subList(1, judgements.size())) {
            String[] cells = line.split(",");
            String body = JSON.writeValueAsString(java.util.Map.of("rating", cells[1],
                    "rationale", "Recorded from the published Newham report (demo data)."));
            call("PUT", cases + "/inspections/" + id + "/judgements/" + cells[0], "application/json", body, 200);
        }
        loadReportText(cases, id);
        // User Voice comes before publication: a published inspection takes no more survey responses.
        loadSurvey(id);
        call("POST", cases + "/inspections/" + id + "/publish", "application/json", "{}", -1);
        LocalSystem.say("demo: judgements recorded, inspection published");
        Loaded newham = printRatings(id, "Newham PDU", 24);
        return List.of(newham, loadYouth());
    }

    /** The youth justice demo: a fictional service rated by hmip-youth-justice-2021 (12 counted standards, 36 points). */
    private Loaded loadYouth() throws IOException, InterruptedException {
        String cases = system.service("case-service").url();
        JsonNode inspection = call("POST", cases + "/inspections", "application/json",
                Files.readString(youth.resolve("inspection.json")), 201);
        String id = inspection.get("id").asText();
        String name = inspection.path("name").asText();
        LocalSystem.say("demo: opened inspection " + id + " (" + name + ", youth justice)");
        JsonNode registered = call("POST", cases + "/inspections/" + id + "/cases", "text/csv",
                Files.readString(youth.resolve("cases.csv")), 201);
        JsonNode answers = call("POST", cases + "/inspections/" + id + "/answers", "text/csv",
                Files.readString(youth.resolve("answers.csv")), 200);
        LocalSystem.say("demo: " + registered.path("registered").asInt() + " cases, "
                + answers.path("recorded").asInt() + " answers recorded");
        List<String> judgements = Files.readAllLines(youth.resolve("judgements.csv"));
        for (String line : judgements.subList(1, judgements.size())) {
            String[] cells = line.split(",");
            String body = JSON.writeValueAsString(java.util.Map.of("rating", cells[1],
                    "rationale", "Demo data: a fictional youth justice service."));
            call("PUT", cases + "/inspections/" + id + "/judgements/" + cells[0], "application/json", body, 200);
        }
        call("POST", cases + "/inspections/" + id + "/publish", "application/json", "{}", -1);
        LocalSystem.say("demo: judgements recorded, inspection published");
        return printRatings(id, name, 36);
    }

    /** The report's text (demo/newham/report-text.json): narratives per standard, recommendations, background. */
    private void loadReportText(String cases, String id) throws IOException, InterruptedException {
        JsonNode text = JSON.readTree(Files.readString(data.resolve("report-text.json")));
        var narratives = text.path("narratives").fields();
        while (narratives.hasNext()) {
            var standard = narratives.next();
            call("PUT", cases + "/inspections/" + id + "/standards/" + standard.getKey() + "/narrative",
                    "application/json", standard.getValue().toString(), 200);
        }
        call("PUT", cases + "/inspections/" + id + "/recommendations", "application/json",
                JSON.createObjectNode().set("recommendations", text.path("recommendations")).toString(), 200);
        call("PUT", cases + "/inspections/" + id + "/background", "application/json", text.path("background").toString(),
                200);
        LocalSystem.say("demo: report text recorded (strengths, areas for improvement, recommendations, background)");
    }

    private void loadSurvey(String id) throws IOException, InterruptedException {
        String url = system.service("feedback-service").url() + "/inspections/" + id + "/surveys/user-voice-2022/responses";
        String csv = Files.readString(data.resolve("user-voice.csv"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            // feedback-service learns of the inspection from case-events: retry until it has.
            HttpResponse<String> response = send("POST", url, "text/csv", csv, ingest);
            if (response.statusCode() == 200) {
                LocalSystem.say("demo: User Voice responses loaded " + response.body());
                return;
            }
            if (response.statusCode() != 404 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("survey upload failed: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(300);
        }
    }

    /**
     * Waits until rating-service has every judgement and the framework's maximum, then prints the table. A table
     * that is not complete in time is an error, never printed as if it were the result.
     */
    private Loaded printRatings(String id, String title, int maxScore) throws IOException, InterruptedException {
        String url = system.service("rating-service").url() + "/inspections/" + id + "/ratings";
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            HttpResponse<String> response = send("GET", url, null, null);
            if (response.statusCode() == 200) {
                JsonNode ratings = JSON.readTree(response.body());
                if (ratings.path("overall").path("maxScore").asInt() == maxScore && allJudged(ratings)) {
                    String table = table(title, ratings);
                    System.out.println();
                    System.out.print(table);
                    return new Loaded(id, title, ratings, table);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("rating-service had not rated every standard of " + title + " (" + id
                        + ") out of " + maxScore + " within 60 s; last answer " + response.statusCode() + ": "
                        + response.body());
            }
            Thread.sleep(300);
        }
    }

    static String table(String title, JsonNode ratings) {
        StringBuilder out = new StringBuilder(title).append(": ratings\n");
        out.append(String.format("  %-38s %-22s %s%n", "standard", "rating", "key questions (% Yes)"));
        for (JsonNode standard : ratings.path("standards")) {
            StringBuilder percentages = new StringBuilder();
            for (JsonNode question : standard.path("keyQuestions")) {
                if (!question.path("percentage").isNull()) {
                    percentages.append(percentages.length() == 0 ? "" : ", ").append(question.path("percentage").asInt());
                }
            }
            out.append(String.format("  %-38s %-22s %s%n", standard.path("id").asText() + " " + standard.path("name").asText(),
                    printed(standard.path("rating").asText()), percentages));
        }
        JsonNode overall = ratings.path("overall");
        out.append(String.format("  %-38s %-22s %s / %s%n", "Overall", printed(overall.path("rating").asText()),
                overall.path("score").asText(), overall.path("maxScore").asText()));
        return out.toString();
    }

    /** REQUIRES_IMPROVEMENT as reports print it: "Requires improvement". */
    private static String printed(String rating) {
        String words = rating.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean allJudged(JsonNode ratings) {
        for (JsonNode standard : ratings.path("standards")) {
            if ("NOT_RATED".equals(standard.path("rating").asText()) && "JUDGEMENT".equals(standard.path("basis").asText())) {
                return false;
            }
        }
        return true;
    }

    private JsonNode call(String method, String url, String type, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, url, type, body);
        boolean ok = expected < 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
        if (!ok) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String url, String type, String body)
            throws IOException, InterruptedException {
        return send(method, url, type, body, lead);
    }

    private HttpResponse<String> send(String method, String url, String type, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
