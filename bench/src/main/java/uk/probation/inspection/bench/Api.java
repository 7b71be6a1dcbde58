package uk.probation.inspection.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST calls benchmarks and fault tests make, on the contract's paths (contract.md). */
public final class Api {

    public static final String FRAMEWORK = "hmip-probation-pdu-2021";
    public static final List<String> ANSWERS = List.of("YES", "NO", "NOT_APPLICABLE");

    private final Http http;
    private final String caseUrl;
    private final String ratingUrl;
    private final String token;

    public Api(Http http, String caseUrl, String ratingUrl, String token) {
        this.http = http;
        this.caseUrl = caseUrl;
        this.ratingUrl = ratingUrl;
        this.token = token;
    }

    public Api(BenchSystem system) {
        this(system.http, system.url(BenchSystem.CASE), system.url(BenchSystem.RATING), system.lead);
    }

    public String caseUrl() {
        return caseUrl;
    }

    /** The framework's key questions and prompts, in framework order. */
    public record Questions(List<String> keyQuestions, List<String> all) {
    }

    public Questions questions() {
        JsonNode framework = http.get(caseUrl + "/frameworks/" + FRAMEWORK, token).requireOk("GET framework").json();
        List<String> keyQuestions = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (JsonNode domain : framework.path("domains")) {
            for (JsonNode standard : domain.path("standards")) {
                for (JsonNode question : standard.path("keyQuestions")) {
                    keyQuestions.add(question.path("id").asText());
                    all.add(question.path("id").asText());
                    question.path("prompts").forEach(p -> all.add(p.path("id").asText()));
                }
            }
        }
        return new Questions(keyQuestions, all);
    }

    /** Opens an inspection (its opener, the lead, is on its team) and returns its id. */
    public String openInspection(String name) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("region", "Bench");
        body.put("pdu", name);
        body.put("frameworkId", FRAMEWORK);
        body.put("fieldworkStart", "2022-09-05");
        body.put("sampleFrom", "2022-01-24");
        body.put("sampleTo", "2022-02-25");
        return http.send("POST", caseUrl + "/inspections", token, "application/json", Http.json(body))
                .requireOk("open inspection").json().path("id").asText();
    }

    /** Registers cases with the given references, alternating cohorts, in one request. */
    public void registerCases(String inspectionId, List<String> caseRefs) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < caseRefs.size(); i++) {
            boolean community = i % 3 != 0;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("caseRef", caseRefs.get(i));
            c.put("cohort", community ? "COMMUNITY" : "RESETTLEMENT");
            c.put("sentenceType", community ? "COMMUNITY_ORDER" : "LICENCE");
            c.put("youngAdult", i % 5 == 0);
            c.put("gender", i % 4 == 0 ? "FEMALE" : "MALE");
            c.put("ethnicity", "White");
            c.put("roshLevel", List.of("LOW", "MEDIUM", "HIGH").get(i % 3));
            c.put("startDate", "2022-02-01");
            cases.add(c);
        }
        http.send("POST", caseUrl + "/inspections/" + inspectionId + "/cases", token, "application/json",
                Http.json(cases)).requireOk("register cases");
    }

    public Http.Response putAnswer(String inspectionId, String caseRef, String questionId, String answer) {
        return http.send("PUT", caseUrl + "/inspections/" + inspectionId + "/cases/" + caseRef + "/answers/" + questionId,
                token, "application/json", "{\"answer\":\"" + answer + "\"}");
    }

    /** One row of a batch. */
    public record Row(String caseRef, String questionId, String answer) {
    }

    public Http.Response batch(String inspectionId, List<Row> rows) {
        return http.send("POST", caseUrl + "/inspections/" + inspectionId + "/answers", token, "application/json",
                Http.json(rows));
    }

    /** Every answer case-service holds for an inspection: caseRef -> questionId -> answer. */
    public Map<String, Map<String, String>> answers(String inspectionId) {
        Map<String, Map<String, String>> result = new TreeMap<>();
        JsonNode cases = http.get(caseUrl + "/inspections/" + inspectionId + "/cases", token).requireOk("list cases").json();
        for (JsonNode c : cases) {
            String caseRef = c.path("caseRef").asText();
            JsonNode detail = http.get(caseUrl + "/inspections/" + inspectionId + "/cases/" + caseRef, token)
                    .requireOk("get case " + caseRef).json();
            Map<String, String> answers = new TreeMap<>();
            detail.path("answers").forEach(a -> answers.put(a.path("questionId").asText(), a.path("answer").asText()));
            result.put(caseRef, answers);
        }
        return result;
    }

    /** Yes / no / not-applicable per question, recomputed independently from case-service's answers. */
    public static Map<String, int[]> recount(Map<String, Map<String, String>> answers) {
        Map<String, int[]> counts = new TreeMap<>();
        answers.values().forEach(byQuestion -> byQuestion.forEach((question, answer) ->
                counts.computeIfAbsent(question, q -> new int[3])[ANSWERS.indexOf(answer)]++));
        return counts;
    }

    /** rating-service's yes / no / not-applicable per question (all cases), or null when it does not know the inspection. */
    public Map<String, int[]> ratingCounts(String inspectionId) {
        Http.Response response = http.get(ratingUrl + "/inspections/" + inspectionId + "/questions", token);
        if (response.status() == 404) {
            return null;
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (JsonNode q : response.requireOk("GET questions").json()) {
            counts.put(q.path("id").asText(), new int[] {q.path("yes").asInt(), q.path("no").asInt(),
                    q.path("notApplicable").asInt()});
        }
        return counts;
    }

    /** How rating-service's counts differ from the recomputation: answers missing, and answers counted too often. */
    public record Difference(long missing, long extra) {

        public boolean none() {
            return missing == 0 && extra == 0;
        }

        public Difference plus(Difference other) {
            return new Difference(missing + other.missing, extra + other.extra);
        }
    }

    public static Difference compare(Map<String, int[]> expected, Map<String, int[]> actual) {
        long missing = 0;
        long extra = 0;
        java.util.Set<String> questions = new java.util.TreeSet<>(expected.keySet());
        if (actual != null) {
            questions.addAll(actual.keySet());
        }
        for (String question : questions) {
            int[] e = expected.getOrDefault(question, new int[3]);
            int[] a = actual == null ? new int[3] : actual.getOrDefault(question, new int[3]);
            for (int i = 0; i < 3; i++) {
                missing += Math.max(0, e[i] - a[i]);
                extra += Math.max(0, a[i] - e[i]);
            }
        }
        return new Difference(missing, extra);
    }

    /** Drops rating-service's projection and replays case-events (admin); returns its report. */
    public static Http.Response rebuild(Http http, String ratingUrl, String adminToken) {
        return http.send("POST", ratingUrl + "/admin/rebuild", adminToken, null, null);
    }
}
