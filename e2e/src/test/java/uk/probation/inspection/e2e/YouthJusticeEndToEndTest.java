package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/**
 * Frameworks as data (issue #16), through the packaged services and the real broker: the built-in youth justice
 * framework (domain 2 from court cases, domain 3 from out-of-court cases, 4.1 rated but not counted, "N / 36"), and
 * a framework an admin registers at run time with its own attributes and bands. Every expected figure is computed
 * here, from the data sent, without the services' code.
 */
class YouthJusticeEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path demo(String file) {
        return Path.of("..").toAbsolutePath().normalize().resolve("demo").resolve("youth").resolve(file);
    }

    @Test
    void aYouthJusticeInspectionIsRatedOutOf36WithResettlementRatedButNotCounted() throws IOException {
        String cases = RunningSystem.url("case-service");
        String ratings = RunningSystem.url("rating-service");
        String lead = RunningSystem.token("yasmin", "lead-inspector");
        String id = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Files.readString(demo("inspection.json"))).post(cases + "/inspections").then().statusCode(201)
                .extract().path("id");
        String base = cases + "/inspections/" + id;

        // Probation fields are not the children's attributes: 422 naming each column; nothing registered.
        given().auth().oauth2(lead).contentType("text/csv")
                .body("case_ref,cohort,sentence_type,young_adult,gender,ethnicity,rosh_level,start_date\n"
                        + "NGY-900,COMMUNITY,COMMUNITY_ORDER,false,MALE,White,LOW,2021-02-01\n")
                .post(base + "/cases").then().statusCode(422).contentType("application/problem+json")
                .body("errors.find { it.field == 'disposal' }.message", containsString("missing column"));
        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("caseRef", "NGY-901", "disposal", "COURT", "disposalType", "YOUTH_CAUTION", "gender", "MALE",
                        "ethnicity", "White", "ageAtStart", "19", "lookedAfter", "perhaps", "roshLevel", "LOW",
                        "safetyWellbeingLevel", "LOW"))
                .post(base + "/cases").then().statusCode(422)
                .body("errors.field", equalTo(List.of("disposalType", "ageAtStart", "lookedAfter")));

        List<Map<String, String>> sample = csv(Files.readString(demo("cases.csv")));
        given().auth().oauth2(lead).contentType("text/csv").body(Files.readString(demo("cases.csv")))
                .post(base + "/cases").then().statusCode(201).body("registered", equalTo(sample.size()));
        // One more court case as JSON, a looked-after child, booleans as JSON booleans.
        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("caseRef", "NGY-100", "disposal", "COURT", "disposalType", "REFERRAL_ORDER", "gender",
                        "FEMALE", "ethnicity", "White", "ageAtStart", "14", "lookedAfter", true, "roshLevel", "LOW",
                        "safetyWellbeingLevel", "HIGH"))
                .post(base + "/cases").then().statusCode(201);
        given().auth().oauth2(lead).get(base + "/cases/NGY-100").then().statusCode(200)
                .body("disposal", equalTo("COURT")).body("lookedAfter", equalTo(true));
        Map<String, String> extra = new HashMap<>(Map.of("case_ref", "NGY-100", "disposal", "COURT", "looked_after",
                "true"));
        sample.add(extra);

        // An out-of-court case cannot be answered on a court standard (and the other way round): 422 saying why.
        String outOfCourt = sample.stream().filter(c -> c.get("disposal").equals("OUT_OF_COURT")).findFirst()
                .orElseThrow().get("case_ref");
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("answer", "YES"))
                .put(base + "/cases/" + outOfCourt + "/answers/2.1.1").then().statusCode(422)
                .body("errors[0].field", equalTo("questionId"))
                .body("errors[0].message", containsString("applies only to cases with disposal COURT"));
        given().auth().oauth2(lead).contentType("text/csv").body("case_ref,question_id,answer\nNGY-100,3.1.1,YES\n")
                .post(base + "/answers").then().statusCode(422).body("errors[0].line", equalTo(2))
                .body("errors[0].message", containsString("applies only to cases with disposal OUT_OF_COURT"));

        List<Map<String, String>> answers = new ArrayList<>(csv(Files.readString(demo("answers.csv"))));
        given().auth().oauth2(lead).contentType("text/csv").body(Files.readString(demo("answers.csv")))
                .post(base + "/answers").then().statusCode(200);
        for (String[] a : new String[][] { { "2.1.1", "NO" }, { "2.1.2", "YES" }, { "2.4.3", "NO" } }) {
            given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("answer", a[1]))
                    .put(base + "/cases/NGY-100/answers/" + a[0]).then().statusCode(200);
            answers.add(Map.of("case_ref", "NGY-100", "question_id", a[0], "answer", a[1]));
        }
        Map<String, String> judgements = new LinkedHashMap<>();
        for (Map<String, String> j : csv(Files.readString(demo("judgements.csv")))) {
            judgements.put(j.get("standard_id"), j.get("rating"));
        }
        String resettlement = judgements.remove("4.1");
        judgements.forEach((standard, rating) -> judge(lead, base, standard, rating));

        // The independent computation: Newham's rules (bands 80/65/50, 3/2/1/0 points), 4.1 left out, shares of 36.
        Map<String, String> expected = expectedStandards(answers, judgements);
        int score = expected.entrySet().stream().mapToInt(e -> points(e.getValue())).sum();
        JsonNode before = awaitRatings(ratings, id, lead, r -> matches(r, expected));
        assertEquals(score, before.path("overall").path("score").asInt());
        assertEquals(36, before.path("overall").path("maxScore").asInt());
        assertEquals(overall(score, 36), before.path("overall").path("rating").asText());
        assertEquals("NOT_RATED", standard(before, "4.1").path("rating").asText());
        // counts: yes and relevant of every key question, over applicable cases only
        Map<String, int[]> counts = counts(answers, q -> true);
        for (JsonNode s : before.path("standards")) {
            for (JsonNode q : s.path("keyQuestions")) {
                int[] c = counts.getOrDefault(q.path("id").asText(), new int[2]);
                assertEquals(c[0], q.path("yes").asInt(), q.path("id").asText() + " yes");
                assertEquals(c[0] + c[1], q.path("relevant").asInt(), q.path("id").asText() + " relevant");
            }
        }

        // Resettlement is rated, and the score and maximum do not move.
        judge(lead, base, "4.1", resettlement);
        JsonNode after = awaitRatings(ratings, id, lead,
                r -> standard(r, "4.1").path("rating").asText().equals(resettlement));
        assertEquals(score, after.path("overall").path("score").asInt(), "4.1 does not count towards the overall");
        assertEquals(36, after.path("overall").path("maxScore").asInt());
        System.out.println("youth justice demo: " + overall(score, 36) + " " + score + " / 36");

        // Breakdowns are the declared dimensions: disposal, looked-after children; probation cohorts are not.
        String questions = ratings + "/inspections/" + id + "/questions";
        Map<String, JsonNode> court = byId(given().auth().oauth2(lead).queryParam("disposal", "COURT").get(questions)
                .then().statusCode(200).extract().asString());
        assertEquals(counts.get("2.1.1")[0], court.get("2.1.1").path("yes").asInt());
        assertEquals(0, court.get("3.1.1").path("relevant").asInt(), "no court case is relevant to domain 3");
        Map<String, String> lookedAfter = new HashMap<>();
        sample.forEach(c -> lookedAfter.put(c.get("case_ref"), c.get("looked_after")));
        Map<String, int[]> lookedAfterCounts = counts(answers, a -> "true".equals(lookedAfter.get(a.get("case_ref"))));
        Map<String, JsonNode> looked = byId(given().auth().oauth2(lead).queryParam("lookedAfter", "true").get(questions)
                .then().statusCode(200).extract().asString());
        for (String q : List.of("2.1.1", "2.2.3", "3.3.2")) {
            int[] c = lookedAfterCounts.getOrDefault(q, new int[2]);
            assertEquals(c[0], looked.get(q).path("yes").asInt(), "looked-after " + q);
            assertEquals(c[0] + c[1], looked.get(q).path("relevant").asInt(), "looked-after " + q);
        }
        given().auth().oauth2(lead).queryParam("cohort", "COMMUNITY").get(questions).then().statusCode(422)
                .body("errors[0].field", equalTo("cohort"));
        given().auth().oauth2(lead).get(ratings + "/inspections/" + id + "/rules").then().statusCode(200)
                .body("bands.minPercentage", equalTo(List.of(80, 65, 50, 0)))
                .body("notCounted", equalTo(List.of("4.1")));
    }

    @Test
    void aFrameworkRegisteredAtRunTimeIsRatedByItsOwnAttributesAndBands() throws IOException {
        String cases = RunningSystem.url("case-service");
        String ratings = RunningSystem.url("rating-service");
        String admin = RunningSystem.token("ada", "admin");
        String lead = RunningSystem.token("lena", "lead-inspector");
        ObjectNode framework = customFramework("e2e-custody-2026");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(framework.toString()).post(cases + "/frameworks")
                .then().statusCode(201);
        assertEquals("Standards framework", JSON.readTree(given().auth().oauth2(admin).get(cases + "/framework-schema")
                .then().statusCode(200).extract().asString()).path("title").asText());
        String id = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("name", "Custody pilot", "region", "Wales", "pdu", "Cardiff", "frameworkId",
                        "e2e-custody-2026", "fieldworkStart", "2026-03-02", "sampleFrom", "2026-01-05",
                        "sampleTo", "2026-02-27"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
        // Used by an inspection: the framework can no longer change (409), under its id or by registering it again.
        ObjectNode changed = framework.deepCopy();
        changed.put("name", "Custody pilot, changed");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(changed.toString())
                .put(cases + "/frameworks/e2e-custody-2026").then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(changed.toString()).post(cases + "/frameworks")
                .then().statusCode(409);

        String base = cases + "/inspections/" + id;
        List<Map<String, String>> sample = new ArrayList<>();
        StringBuilder csv = new StringBuilder("case_ref,setting,first_time,officer\n");
        for (int i = 1; i <= 12; i++) {
            String setting = i <= 7 ? "CUSTODY" : "COMMUNITY";
            String firstTime = i % 3 == 0 ? "true" : "false";
            csv.append("CP-").append(i).append("0,").append(setting).append(',').append(firstTime).append(',')
                    .append(i % 2 == 0 ? "Officer A" : "").append('\n');
            sample.add(Map.of("case_ref", "CP-" + i + "0", "setting", setting, "first_time", firstTime));
        }
        given().auth().oauth2(lead).contentType("text/csv").body(csv.toString()).post(base + "/cases").then()
                .statusCode(201).body("registered", equalTo(12));
        List<Map<String, String>> answers = new ArrayList<>();
        StringBuilder answerCsv = new StringBuilder("case_ref,question_id,answer\n");
        int n = 0;
        for (Map<String, String> c : sample) {
            List<String> questions = new ArrayList<>(List.of("2.2.1", "2.2.2"));
            if (c.get("setting").equals("CUSTODY")) {
                questions.add("2.1.1");
            }
            if (c.get("first_time").equals("true")) {
                questions.add("2.3.1");
            }
            for (String q : questions) {
                String answer = (n++ % 5 == 0) ? "NO" : (n % 11 == 0 ? "NOT_APPLICABLE" : "YES");
                answerCsv.append(c.get("case_ref")).append(',').append(q).append(',').append(answer).append('\n');
                answers.add(Map.of("case_ref", c.get("case_ref"), "question_id", q, "answer", answer));
            }
        }
        given().auth().oauth2(lead).contentType("text/csv").body(answerCsv.toString()).post(base + "/answers").then()
                .statusCode(200);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("answer", "YES"))
                .put(base + "/cases/CP-80/answers/2.1.1").then().statusCode(422)
                .body("errors[0].message", containsString("applies only to cases with setting CUSTODY"));
        judge(lead, base, "1.1", "GOOD");

        // This framework's bands: 90 → OUTSTANDING (2 points), 70 → GOOD (1), else INADEQUATE (0); 2.3 not counted;
        // overall: up to 1/3 of the maximum INADEQUATE, up to 2/3 GOOD, above OUTSTANDING.
        Map<String, int[]> counts = counts(answers, a -> true);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("1.1", "GOOD");
        for (String[] s : new String[][] { { "2.1", "2.1.1" }, { "2.2", "2.2.1", "2.2.2" }, { "2.3", "2.3.1" } }) {
            int lowest = 101;
            for (int q = 1; q < s.length; q++) {
                int[] c = counts.get(s[q]);
                lowest = Math.min(lowest, percentage(c[0], c[1]));
            }
            expected.put(s[0], lowest >= 90 ? "OUTSTANDING" : lowest >= 70 ? "GOOD" : "INADEQUATE");
        }
        Map<String, Integer> points = Map.of("OUTSTANDING", 2, "GOOD", 1, "INADEQUATE", 0);
        int score = expected.entrySet().stream().filter(e -> !e.getKey().equals("2.3"))
                .mapToInt(e -> points.get(e.getValue())).sum();
        String rating = 3 * score <= 6 ? "INADEQUATE" : 3 * score <= 2 * 6 ? "GOOD" : "OUTSTANDING";
        JsonNode actual = awaitRatings(ratings, id, lead, r -> matches(r, expected));
        assertEquals(score + " / 6 " + rating, actual.path("overall").path("score").asInt() + " / "
                + actual.path("overall").path("maxScore").asInt() + " " + actual.path("overall").path("rating").asText());
        Map<String, JsonNode> custody = byId(given().auth().oauth2(lead).queryParam("setting", "custody")
                .get(ratings + "/inspections/" + id + "/questions").then().statusCode(200).extract().asString());
        assertEquals(counts.get("2.1.1")[0] + counts.get("2.1.1")[1], custody.get("2.1.1").path("relevant").asInt());
        Map<String, String> firstTime = new HashMap<>();
        sample.forEach(c -> firstTime.put(c.get("case_ref"), c.get("first_time")));
        int[] firstTimers = counts(answers, a -> firstTime.get(a.get("case_ref")).equals("true")).get("2.2.1");
        given().auth().oauth2(lead).queryParam("firstTime", "true").get(ratings + "/inspections/" + id + "/questions")
                .then().statusCode(200).body("find { it.id == '2.2.1' }.yes", equalTo(firstTimers[0]))
                .body("find { it.id == '2.2.1' }.relevant", equalTo(firstTimers[0] + firstTimers[1]));
        given().auth().oauth2(lead).queryParam("officer", "Officer A").get(ratings + "/inspections/" + id + "/questions")
                .then().statusCode(422).body("errors[0].field", equalTo("officer"));
        given().auth().oauth2(lead).get(ratings + "/inspections/" + id + "/rules").then().statusCode(200)
                .body("bands.minPercentage", equalTo(List.of(90, 70, 0)));
    }

    /** Bands 90/70/0; 1.1 by judgement; 2.1 custody cases only; 2.2 every case; 2.3 first-timers, not counted. */
    static ObjectNode customFramework(String id) {
        ObjectNode f = JSON.createObjectNode();
        f.put("id", id).put("version", 1).put("name", "Custody pilot framework (test)");
        ObjectNode rules = f.putObject("rules");
        rules.put("percentageRounding", "HALF_UP").put("standardScore", "LOWEST_KEY_QUESTION");
        ArrayNode bands = rules.putArray("bands");
        bands.addObject().put("rating", "OUTSTANDING").put("descriptor", "nearly all").put("minPercentage", 90)
                .put("points", 2);
        bands.addObject().put("rating", "GOOD").put("descriptor", "most").put("minPercentage", 70).put("points", 1);
        bands.addObject().put("rating", "INADEQUATE").put("descriptor", "too few").put("minPercentage", 0)
                .put("points", 0);
        ArrayNode overall = rules.putArray("overallBands");
        overall.addObject().put("rating", "INADEQUATE").putObject("maxShareOfMaximum").put("numerator", 1)
                .put("denominator", 3);
        overall.addObject().put("rating", "GOOD").putObject("maxShareOfMaximum").put("numerator", 2)
                .put("denominator", 3);
        overall.addObject().put("rating", "OUTSTANDING").putObject("maxShareOfMaximum").put("numerator", 1)
                .put("denominator", 1);
        ArrayNode attributes = f.putArray("caseAttributes");
        ObjectNode setting = attributes.addObject().put("id", "setting").put("type", "ENUM").put("required", true)
                .put("csvColumn", "setting").put("breakdown", true);
        setting.putArray("values").add("CUSTODY").add("COMMUNITY");
        attributes.addObject().put("id", "firstTime").put("type", "BOOLEAN").put("required", true)
                .put("csvColumn", "first_time").put("breakdown", true);
        attributes.addObject().put("id", "officer").put("type", "TEXT").put("required", false)
                .put("csvColumn", "officer").put("breakdown", false);
        ArrayNode domains = f.putArray("domains");
        ObjectNode one = domains.addObject().put("id", "1").put("name", "Leadership");
        one.putArray("standards").addObject().put("id", "1.1").put("name", "Leadership").put("basis", "JUDGEMENT")
                .put("headline", "Leadership is effective.").putArray("keyQuestions");
        ObjectNode two = domains.addObject().put("id", "2").put("name", "Cases");
        ArrayNode standards = two.putArray("standards");
        ObjectNode s21 = caseStandard(standards, "2.1", "Custody work", 1);
        s21.putObject("appliesTo").put("setting", "CUSTODY");
        caseStandard(standards, "2.2", "Supervision", 2);
        ObjectNode s23 = caseStandard(standards, "2.3", "First-time entrants", 1);
        s23.putObject("appliesTo").put("firstTime", "true");
        s23.put("countsTowardsOverall", false);
        return f;
    }

    private static ObjectNode caseStandard(ArrayNode standards, String id, String name, int questions) {
        ObjectNode s = standards.addObject().put("id", id).put("name", name).put("basis", "CASES")
                .put("headline", name + " is good.");
        ArrayNode kqs = s.putArray("keyQuestions");
        for (int q = 1; q <= questions; q++) {
            kqs.addObject().put("id", id + "." + q).put("text", "Is " + name + " question " + q + " met?")
                    .putArray("prompts").addObject().put("id", id + "." + q + "a").put("text", "A prompt.");
        }
        return s;
    }

    // ---- the independent computation ----

    /** Each case standard's rating from the key-question answers, each judgement standard's as recorded. */
    static Map<String, String> expectedStandards(List<Map<String, String>> answers, Map<String, String> judgements) {
        Map<String, int[]> counts = counts(answers, a -> true);
        Map<String, Integer> lowest = new HashMap<>();
        counts.forEach((question, c) -> {
            if (c[0] + c[1] > 0) {
                lowest.merge(question.substring(0, question.lastIndexOf('.')), percentage(c[0], c[1]), Math::min);
            }
        });
        Map<String, String> expected = new LinkedHashMap<>(judgements);
        lowest.forEach((standard, p) -> expected.put(standard,
                p >= 80 ? "OUTSTANDING" : p >= 65 ? "GOOD" : p >= 50 ? "REQUIRES_IMPROVEMENT" : "INADEQUATE"));
        assertEquals(12, expected.size(), "12 counted standards: 1.1-1.4, 2.1-2.4, 3.1-3.4");
        return expected;
    }

    /** Key questions only (ids of three numbers; prompts end in a letter): yes and no per question. */
    static Map<String, int[]> counts(List<Map<String, String>> answers, Predicate<Map<String, String>> which) {
        Map<String, String> latest = new LinkedHashMap<>();
        answers.stream().filter(which).forEach(a -> latest.put(a.get("case_ref") + "/" + a.get("question_id"),
                a.get("answer")));
        Map<String, int[]> counts = new HashMap<>();
        latest.forEach((key, answer) -> {
            String question = key.substring(key.indexOf('/') + 1);
            if (!question.matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
                return;
            }
            int[] c = counts.computeIfAbsent(question, q -> new int[2]);
            if (answer.equals("YES")) {
                c[0]++;
            } else if (answer.equals("NO")) {
                c[1]++;
            }
        });
        return counts;
    }

    static int percentage(int yes, int no) {
        return BigDecimal.valueOf(100L * yes).divide(BigDecimal.valueOf(yes + no), 0, RoundingMode.HALF_UP).intValue();
    }

    static int points(String rating) {
        return switch (rating) {
            case "OUTSTANDING" -> 3;
            case "GOOD" -> 2;
            case "REQUIRES_IMPROVEMENT" -> 1;
            default -> 0;
        };
    }

    /** Shares of the maximum: up to 1/6 Inadequate, up to 1/2 Requires improvement, up to 5/6 Good. */
    static String overall(int score, int max) {
        return 6 * score <= max ? "INADEQUATE" : 2 * score <= max ? "REQUIRES_IMPROVEMENT"
                : 6 * score <= 5 * max ? "GOOD" : "OUTSTANDING";
    }

    static boolean matches(JsonNode ratings, Map<String, String> expected) {
        return expected.entrySet().stream()
                .allMatch(e -> standard(ratings, e.getKey()).path("rating").asText().equals(e.getValue()));
    }

    static JsonNode standard(JsonNode ratings, String id) {
        for (JsonNode s : ratings.path("standards")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        return JSON.createObjectNode();
    }

    static void judge(String lead, String base, String standard, String rating) {
        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("rating", rating, "rationale", "Recorded in the end-to-end test."))
                .put(base + "/judgements/" + standard).then().statusCode(200);
    }

    static JsonNode awaitRatings(String ratings, String id, String token, Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String body = given().auth().oauth2(token).get(ratings + "/inspections/" + id + "/ratings").then()
                    .extract().asString();
            if (!body.startsWith("{\"inspectionId\"")) {
                return false;
            }
            last[0] = JSON.readTree(body);
            return done.test(last[0]);
        });
        return last[0];
    }

    static Map<String, JsonNode> byId(String json) throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        JSON.readTree(json).forEach(q -> byId.put(q.path("id").asText(), q));
        return byId;
    }

    static List<Map<String, String>> csv(String text) {
        List<String> lines = text.lines().toList();
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
