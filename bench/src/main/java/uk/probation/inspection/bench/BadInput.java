package uk.probation.inspection.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-input campaign: generated malformed requests for every writing endpoint and bad ids for the reading
 * ones. Every one must get a 4xx application/problem+json, never a 5xx, and nothing may change (the inspection's
 * cases, answers, judgements, team, ratings and feedback are compared before and after).
 */
public final class BadInput {

    record Attempt(String service, String method, String path, String contentType, String body, String token) {
    }

    /** A request that broke the rules: what was sent and what came back. */
    record Finding(String request, int status, String contentType) {
    }

    /**
     * @param serverErrors 5xx answers, and writes a bad request got accepted (2xx)
     * @param readsAnswered reads with odd ids that answered 2xx: not errors in themselves (an unknown region has no
     *        rows; {@code ..} segments are resolved by the server to the parent path), listed for review
     * @param bomAccepted valid JSON after a leading byte-order mark, answered 2xx: the services ignore the BOM, as
     *        RFC 8259 section 8.1 allows; listed, and the state check shows they changed nothing
     */
    public record Result(int requests, List<Finding> serverErrors, List<Finding> notProblemJson,
            List<Finding> readsAnswered, List<Finding> bomAccepted, boolean unchanged, Map<Integer, Integer> statuses,
            List<Finding> unsafeExport) {

        public boolean passed() {
            return serverErrors.isEmpty() && notProblemJson.isEmpty() && unchanged && unsafeExport.isEmpty();
        }
    }

    /**
     * Texts that a spreadsheet would run as formulas (or split into one), and quotes and line breaks: given to the
     * questions of an admin-registered framework, they reach rating-service's CSV workbook in inspection.opened.
     */
    private static final List<String> EXPORT_TEXTS = List.of("=cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@SUM(1)",
            "\t=1+1", "\r=1+1", "a;=1+1", "a\t=1+1", "Say \"hi\", then\n=1+1", "=HYPERLINK(\"http://127.0.0.1/x\",\"x\")");

    private static final List<String> BROKEN_JSON = List.of("{", "{\"answer\":", "[1,2", "nul", "\u0000", "}",
            "{\"answer\":\"YES\"}}", "{'answer':'YES'}", "{\"answer\":\"YES\",}", "\uFEFF{\"answer\":\"YES\"}",
            "[".repeat(20_000) + "]".repeat(20_000), "{\"a\":" .repeat(5_000) + "1" + "}".repeat(5_000));

    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\ud800", "YE\u0301S", "\u202eSEY",
            "ＹＥＳ", "yes", "YES\n", "'; drop table answer; --", "1 OR 1=1", "=cmd|' /C calc'!A0", "+SUM(A1)", "@SUM(1)",
            "-2+3", "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "%s%s%n",
            "x".repeat(100_000), "🙂".repeat(1_000));

    private static final List<String> BAD_IDS = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", "%00",
            "'%20or%201=1--", "x".repeat(3_000), "%F0%9F%99%82", "00000000-0000-0000-0000-000000000000",
            "not-a-uuid", "%20", "NEW-001%0D%0AX-Injected:%201");

    private final BenchSystem bench;
    private final List<Attempt> attempts = new ArrayList<>();

    private BadInput(BenchSystem bench) {
        this.bench = bench;
    }

    public static void main(String[] args) throws Exception {
        Path root = BenchSystem.repositoryRoot();
        try (BenchSystem bench = BenchSystem.start(root.resolve("bench/target/bad-input-run-" + System.currentTimeMillis()), "bad")) {
            Result result = campaign(bench);
            print(result);
            bench.close();
            System.exit(result.passed() ? 0 : 1);
        }
    }

    static void print(Result result) {
        System.out.println("Bad-input campaign: " + result.requests() + " malformed requests; statuses " + result.statuses());
        System.out.println("  5xx, or a malformed write accepted (2xx): " + result.serverErrors().size());
        result.serverErrors().stream().limit(40).forEach(f -> System.out.println("    " + f));
        System.out.println("  4xx without application/problem+json: " + result.notProblemJson().size());
        result.notProblemJson().stream().limit(20).forEach(f -> System.out.println("    " + f));
        System.out.println("  reads with odd ids answered 2xx (listed, not failures): " + result.readsAnswered().size());
        result.readsAnswered().stream().limit(20).forEach(f -> System.out.println("    " + f));
        System.out.println("  valid JSON after a leading BOM answered 2xx (BOM ignored; listed, not failures): "
                + result.bomAccepted().size());
        result.bomAccepted().forEach(f -> System.out.println("    " + f));
        System.out.println("  CSV export cells a spreadsheet would run or split: " + result.unsafeExport().size());
        result.unsafeExport().stream().limit(20).forEach(f -> System.out.println("    " + f));
        System.out.println("  state unchanged: " + result.unchanged());
        System.out.println("  => " + (result.passed() ? "PASSED" : "FAILED"));
    }

    public static Result campaign(BenchSystem bench) {
        return new BadInput(bench).run();
    }

    private Result run() {
        Api api = new Api(bench);
        String id = api.openInspection("Bad input PDU");
        api.registerCases(id, List.of("NEW-001", "NEW-002"));
        api.putAnswer(id, "NEW-001", "2.2.1", "YES").requireOk("seed answer");
        List<Finding> unsafeExport = exportIsSafe();
        AnswerLoad.pause(3_000); // let rating-service and feedback-service learn the inspection
        String before = state(api, id);
        String lead = bench.lead;
        String admin = bench.admin;
        String ingest = bench.token("bench-ingest", "survey-ingest");
        String base = "/inspections/" + id;

        // JSON bodies: broken, wrong types, missing and unknown fields, odd strings.
        Map<String, List<String>> jsonTargets = new LinkedHashMap<>();
        jsonTargets.put("PUT " + base + "/cases/NEW-001/answers/2.2.1", answerBodies());
        jsonTargets.put("POST " + base + "/answers", batchBodies());
        jsonTargets.put("POST " + base + "/cases", caseBodies());
        jsonTargets.put("PUT " + base + "/judgements/1.1", judgementBodies());
        jsonTargets.put("PUT " + base + "/team/someone", teamBodies());
        jsonTargets.put("POST /inspections", inspectionBodies());
        jsonTargets.forEach((target, bodies) -> {
            String[] mp = target.split(" ", 2);
            bodies.forEach(b -> attempts.add(new Attempt(BenchSystem.CASE, mp[0], mp[1], "application/json", b, lead)));
        });
        for (String b : BROKEN_JSON) {
            attempts.add(new Attempt(BenchSystem.CASE, "POST", "/frameworks", "application/json", b, admin));
            attempts.add(new Attempt(BenchSystem.FEEDBACK, "POST", base + "/surveys/user-voice-2022/responses",
                    "application/json", b, ingest));
        }
        attempts.add(new Attempt(BenchSystem.CASE, "POST", "/frameworks", "application/json",
                "{\"id\":\"../../x\",\"version\":\"one\",\"domains\":{}}", admin));
        // CSV: quotes, newlines in cells, formulas, wrong headers, huge.
        for (String csv : answerCsvs()) {
            attempts.add(new Attempt(BenchSystem.CASE, "POST", base + "/answers", "text/csv", csv, lead));
        }
        for (String csv : caseCsvs()) {
            attempts.add(new Attempt(BenchSystem.CASE, "POST", base + "/cases", "text/csv", csv, lead));
        }
        for (String csv : surveyCsvs()) {
            attempts.add(new Attempt(BenchSystem.FEEDBACK, "POST", base + "/surveys/user-voice-2022/responses", "text/csv",
                    csv, ingest));
        }
        // Over the HTTP layer's body limit (10M in rating- and feedback-service) on every service: 413 problem+json.
        String huge = "x".repeat(11 * 1024 * 1024);
        attempts.add(new Attempt(BenchSystem.RATING, "POST", "/admin/rebuild", "application/json", huge, admin));
        attempts.add(new Attempt(BenchSystem.FEEDBACK, "POST", base + "/surveys/user-voice-2022/responses", "text/csv",
                huge, ingest));
        attempts.add(new Attempt(BenchSystem.CASE, "PUT", base + "/cases/NEW-001/answers/2.2.1", "application/json",
                huge, lead));
        // Wrong media types.
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            attempts.add(new Attempt(BenchSystem.CASE, "PUT", base + "/cases/NEW-001/answers/2.2.1", type, "answer=YES", lead));
            attempts.add(new Attempt(BenchSystem.CASE, "POST", base + "/answers", type, "a,b", lead));
        }
        // Bad ids in every path.
        for (String bad : BAD_IDS) {
            attempts.add(new Attempt(BenchSystem.CASE, "GET", "/inspections/" + bad, null, null, lead));
            attempts.add(new Attempt(BenchSystem.CASE, "GET", base + "/cases/" + bad, null, null, lead));
            attempts.add(new Attempt(BenchSystem.CASE, "PUT", "/inspections/" + bad + "/cases/NEW-001/answers/2.2.1",
                    "application/json", "{\"answer\":\"YES\"}", lead));
            attempts.add(new Attempt(BenchSystem.CASE, "PUT", base + "/cases/" + bad + "/answers/2.2.1",
                    "application/json", "{\"answer\":\"YES\"}", lead));
            attempts.add(new Attempt(BenchSystem.CASE, "PUT", base + "/cases/NEW-001/answers/" + bad,
                    "application/json", "{\"answer\":\"YES\"}", lead));
            attempts.add(new Attempt(BenchSystem.CASE, "PUT", base + "/judgements/" + bad, "application/json",
                    "{\"rating\":\"GOOD\",\"rationale\":\"x\"}", lead));
            if (!bad.matches("[A-Za-z0-9][A-Za-z0-9._@-]*")) { // a well-formed username is a valid request
                attempts.add(new Attempt(BenchSystem.CASE, "PUT", base + "/team/" + bad, "application/json",
                        "{\"role\":\"INSPECTOR\"}", lead));
            }
            attempts.add(new Attempt(BenchSystem.CASE, "POST", "/inspections/" + bad + "/publish", null, null, lead));
            attempts.add(new Attempt(BenchSystem.CASE, "GET", "/frameworks/" + bad, null, null, lead));
            attempts.add(new Attempt(BenchSystem.RATING, "GET", "/inspections/" + bad + "/ratings", null, null, lead));
            attempts.add(new Attempt(BenchSystem.RATING, "GET", base + "/questions?cohort=" + bad, null, null, lead));
            attempts.add(new Attempt(BenchSystem.RATING, "GET", "/regions/" + bad + "/ratings", null, null,
                    bench.token("bench-viewer", "viewer")));
            attempts.add(new Attempt(BenchSystem.FEEDBACK, "GET", "/inspections/" + bad + "/feedback", null, null, lead));
            attempts.add(new Attempt(BenchSystem.FEEDBACK, "GET", "/survey-templates/" + bad, null, null, admin));
            attempts.add(new Attempt(BenchSystem.FEEDBACK, "POST", "/inspections/" + bad + "/surveys/user-voice-2022/responses",
                    "application/json", "[]", ingest));
            attempts.add(new Attempt(BenchSystem.FEEDBACK, "POST", base + "/surveys/" + bad + "/responses",
                    "application/json", "[]", ingest));
        }

        List<Finding> serverErrors = new ArrayList<>();
        List<Finding> notProblem = new ArrayList<>();
        List<Finding> readsAnswered = new ArrayList<>();
        List<Finding> bomAccepted = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Http http = new Http(java.time.Duration.ofSeconds(30));
        for (Attempt a : attempts) {
            Http.Response r = sendRaw(http, a);
            statuses.merge(r.status(), 1, Integer::sum);
            String shown = a.method() + " " + a.service() + abbreviate(a.path()) + (a.body() == null ? "" : " body "
                    + abbreviate(a.body()));
            if (a.method().equals("GET") && r.status() >= 200 && r.status() < 300) {
                readsAnswered.add(new Finding(shown, r.status(), abbreviate(r.body())));
            } else if (a.body() != null && a.body().startsWith("\uFEFF") && r.status() >= 200 && r.status() < 300) {
                bomAccepted.add(new Finding(shown, r.status(), abbreviate(r.body())));
            } else if (r.status() < 400 || r.status() >= 500) {
                serverErrors.add(new Finding(shown, r.status(), r.error() != null ? r.error() : abbreviate(r.body())));
            } else if (!r.contentType().startsWith("application/problem+json")) {
                notProblem.add(new Finding(shown, r.status(), r.contentType() + " " + abbreviate(r.body())));
            }
        }
        AnswerLoad.pause(3_000);
        boolean unchanged = before.equals(state(api, id));
        return new Result(attempts.size(), serverErrors, notProblem, readsAnswered, bomAccepted, unchanged, statuses,
                unsafeExport);
    }

    /**
     * Registers a framework with {@link #EXPORT_TEXTS} as question texts, opens an inspection on it (named like a
     * formula too, though the workbook does not print names) and reads rating-service's CSV workbook: each text
     * must come back as text (a formula with a leading {@code '}), in its own cell, and no cell, whatever separator
     * a spreadsheet assumes (comma, semicolon, tab), may start with =, +, - or @.
     */
    private List<Finding> exportIsSafe() {
        String caseUrl = bench.url(BenchSystem.CASE);
        com.fasterxml.jackson.databind.node.ObjectNode framework = (com.fasterxml.jackson.databind.node.ObjectNode)
                bench.http.get(caseUrl + "/frameworks/" + Api.FRAMEWORK, bench.admin).requireOk("GET framework").json();
        String frameworkId = "bad-input-formulas-" + System.currentTimeMillis();
        framework.put("id", frameworkId);
        Map<String, String> texts = new LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode domain : framework.path("domains")) {
            for (com.fasterxml.jackson.databind.JsonNode standard : domain.path("standards")) {
                for (com.fasterxml.jackson.databind.JsonNode question : standard.path("keyQuestions")) {
                    List<com.fasterxml.jackson.databind.JsonNode> elements = new ArrayList<>(List.of(question));
                    question.path("prompts").forEach(elements::add);
                    for (com.fasterxml.jackson.databind.JsonNode element : elements) {
                        if (texts.size() < EXPORT_TEXTS.size()) {
                            String text = EXPORT_TEXTS.get(texts.size());
                            ((com.fasterxml.jackson.databind.node.ObjectNode) element).put("text", text);
                            texts.put(element.path("id").asText(), text);
                        }
                    }
                }
            }
        }
        bench.http.send("POST", caseUrl + "/frameworks", bench.admin, "application/json", Http.json(framework))
                .requireOk("register a framework with formula texts");
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", "=cmd|' /C calc'!A0");
        body.put("region", "Bench");
        body.put("pdu", "@SUM(1)");
        body.put("frameworkId", frameworkId);
        body.put("fieldworkStart", "2022-09-05");
        body.put("sampleFrom", "2022-01-24");
        body.put("sampleTo", "2022-02-25");
        String id = bench.http.send("POST", caseUrl + "/inspections", bench.lead, "application/json", Http.json(body))
                .requireOk("open an inspection named like a formula").json().path("id").asText();
        String url = bench.url(BenchSystem.RATING) + "/inspections/" + id + "/report.csv";
        String shown = "GET " + BenchSystem.RATING + "/inspections/" + id + "/report.csv";
        Http.Response csv = bench.http.get(url, bench.lead);
        for (int i = 0; i < 60 && csv.status() == 404; i++) { // until rating-service has the inspection
            AnswerLoad.pause(500);
            csv = bench.http.get(url, bench.lead);
        }
        List<Finding> findings = new ArrayList<>();
        if (csv.status() != 200) {
            findings.add(new Finding(shown, csv.status(), abbreviate(csv.body())));
            return findings;
        }
        List<List<String>> rows = csvRows(csv.body());
        int textColumn = rows.get(0).indexOf("text");
        for (List<String> row : rows.subList(1, rows.size())) {
            String sent = texts.get(row.get(0));
            if (sent != null) {
                String expected = "=+-@\t\r".indexOf(sent.charAt(0)) >= 0 ? "'" + sent : sent;
                if (row.size() != rows.get(0).size() || !expected.equals(row.get(textColumn))) {
                    findings.add(new Finding(shown + " text of " + row.get(0) + " sent " + abbreviate(sent), 200,
                            "read back " + abbreviate(String.join(" | ", row))));
                }
            }
        }
        findings.addAll(formulaCellStarts(shown, csv.body()));
        System.out.println("  CSV export: " + texts.size() + " hostile question texts read back from " + shown);
        return findings;
    }

    /** RFC 4180 records: quoted cells may hold separators, doubled quotes and line breaks. */
    static List<List<String>> csvRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"' && (quoted || cell.length() == 0)) {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Unquoted cells starting with a formula character, splitting at commas, semicolons and tabs alike. */
    static List<Finding> formulaCellStarts(String shown, String csv) {
        List<Finding> findings = new ArrayList<>();
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            boolean formula = "=+-@".indexOf(c) >= 0
                    || (c == '"' && i + 1 < csv.length() && "=+-@\t\r".indexOf(csv.charAt(i + 1)) >= 0);
            if (cellStart && formula) {
                findings.add(new Finding(shown + " a cell starts a formula at offset " + i, 200,
                        abbreviate(csv.substring(Math.max(0, i - 30), Math.min(csv.length(), i + 30)))));
            }
            quoted = cellStart && c == '"';
            cellStart = ",;\t\r\n".indexOf(c) >= 0;
        }
        return findings;
    }

    /** Sends with the content type checked: problem+json is recognised from the header, not guessed from the body. */
    private Http.Response sendRaw(Http http, Attempt a) {
        String url = bench.url(a.service()) + a.path();
        Http.Response r;
        try {
            r = http.send(a.method(), url, a.token(), a.contentType(), a.body());
        } catch (IllegalArgumentException badUri) {
            return new Http.Response(400, "{\"status\":400}", 0, null, "application/problem+json"); // the client refused to send it: not the server's fault
        }
        return r;
    }

    /** Everything a bad request must not change, as text. */
    private String state(Api api, String id) {
        StringBuilder s = new StringBuilder();
        s.append(api.answers(id));
        s.append(bench.http.get(bench.url(BenchSystem.CASE) + "/inspections/" + id + "/judgements", bench.lead).body());
        s.append(bench.http.get(bench.url(BenchSystem.CASE) + "/inspections/" + id + "/team", bench.lead).body()
                .replaceAll("\"addedAt\":\"[^\"]*\"", ""));
        s.append(bench.http.get(bench.url(BenchSystem.CASE) + "/inspections?region=Bench", bench.lead).body());
        Map<String, int[]> counts = api.ratingCounts(id);
        if (counts != null) {
            counts.forEach((q, c) -> s.append(q).append(java.util.Arrays.toString(c)));
        }
        s.append(bench.http.get(bench.url(BenchSystem.FEEDBACK) + "/inspections/" + id + "/feedback", bench.lead).body());
        return s.toString();
    }

    private static List<String> answerBodies() {
        List<String> bodies = new ArrayList<>(BROKEN_JSON);
        bodies.addAll(List.of("{}", "[]", "null", "1", "\"YES\"", "{\"answer\":1}", "{\"answer\":[\"YES\"]}",
                "{\"answer\":null}", "{\"answer\":true}", "{\"answer\":{\"v\":\"YES\"}}", "{\"answer\":\"NO\",\"unknown\":1}",
                "{\"answer\":\"YES\",\"note\":5}", "{\"answer\":\"YES\",\"note\":\"" + "n".repeat(200_000) + "\"}",
                "{\"answer\":\"NO\",\"answer\":\"YES\",\"version\":99}"));
        ODD_STRINGS.forEach(v -> bodies.add(Http.json(Map.of("answer", v))));
        return bodies;
    }

    private static List<String> batchBodies() {
        List<String> bodies = new ArrayList<>(BROKEN_JSON);
        bodies.addAll(List.of("{}", "{\"caseRef\":\"NEW-001\",\"questionId\":\"2.2.1\",\"answer\":\"NO\"}", "[null]", "[1]",
                "[{}]", "[{\"caseRef\":\"NEW-001\",\"questionId\":\"2.2.1\"}]",
                "[{\"caseRef\":\"NEW-001\",\"questionId\":\"2.2.2\",\"answer\":\"NO\",\"extra\":true}]",
                "[{\"caseRef\":\"NEW-001\",\"questionId\":\"2.2.2\",\"answer\":\"NO\"},{\"caseRef\":\"NEW-001\",\"questionId\":\"9.9.9\",\"answer\":\"NO\"}]",
                "[{\"caseRef\":\"NEW-002\",\"questionId\":\"2.2.2\",\"answer\":\"NO\"},{\"caseRef\":\"NOPE-1\",\"questionId\":\"2.2.2\",\"answer\":\"NO\"}]"));
        ODD_STRINGS.forEach(v -> bodies.add("[" + Http.json(Map.of("caseRef", v, "questionId", "2.2.1", "answer", "NO")) + "]"));
        ODD_STRINGS.forEach(v -> bodies.add("[" + Http.json(Map.of("caseRef", "NEW-001", "questionId", v, "answer", "NO")) + "]"));
        return bodies;
    }

    private static List<String> caseBodies() {
        List<String> bodies = new ArrayList<>(BROKEN_JSON);
        bodies.addAll(List.of("{}", "[]", "[null]", "{\"caseRef\":\"NEW-009\"}",
                "{\"caseRef\":\"NEW-009\",\"cohort\":\"COMMUNITY\",\"sentenceType\":\"LICENCE\",\"youngAdult\":\"maybe\","
                        + "\"gender\":\"MALE\",\"ethnicity\":\"White\",\"roshLevel\":\"LOW\",\"startDate\":\"2022-02-30\"}",
                "{\"caseRef\":\"NEW-001\",\"cohort\":\"COMMUNITY\",\"sentenceType\":\"COMMUNITY_ORDER\",\"youngAdult\":false,"
                        + "\"gender\":\"MALE\",\"ethnicity\":\"White\",\"roshLevel\":\"LOW\",\"startDate\":\"2022-02-01\"}"));
        for (String v : ODD_STRINGS) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("caseRef", "NEW-010");
            c.put("cohort", "COMMUNITY");
            c.put("sentenceType", "COMMUNITY_ORDER");
            c.put("youngAdult", false);
            c.put("gender", "MALE");
            c.put("ethnicity", v.isBlank() ? v : v + "\u0007");
            c.put("roshLevel", "LOW");
            c.put("startDate", "2022-02-01");
            bodies.add(Http.json(c));
            c.put("ethnicity", "White");
            c.put("caseRef", v);
            bodies.add(Http.json(List.of(c)));
        }
        return bodies;
    }

    private static List<String> judgementBodies() {
        List<String> bodies = new ArrayList<>(BROKEN_JSON);
        bodies.addAll(List.of("{}", "{\"rating\":\"GOOD\"}", "{\"rating\":\"NOT_APPLICABLE\",\"rationale\":\"x\"}",
                "{\"rating\":2,\"rationale\":\"x\"}", "{\"rating\":\"GOOD\",\"rationale\":\"x\",\"by\":\"me\"}"));
        ODD_STRINGS.stream().filter(v -> !v.equals("GOOD")).forEach(v -> bodies.add(Http.json(Map.of("rating", v, "rationale", "x"))));
        return bodies;
    }

    private static List<String> teamBodies() {
        List<String> bodies = new ArrayList<>(BROKEN_JSON);
        bodies.addAll(List.of("{}", "{\"role\":1}", "{\"role\":\"ADMIN\"}", "{\"role\":\"INSPECTOR\",\"x\":1}"));
        ODD_STRINGS.forEach(v -> bodies.add(Http.json(Map.of("role", v))));
        return bodies;
    }

    private static List<String> inspectionBodies() {
        List<String> bodies = new ArrayList<>(BROKEN_JSON);
        bodies.addAll(List.of("{}", "[]", "{\"name\":\"x\"}"));
        for (String v : ODD_STRINGS) {
            Map<String, String> b = new LinkedHashMap<>();
            b.put("name", v.isBlank() ? v : v + "\u0001");
            b.put("region", "Bench");
            b.put("pdu", "X");
            b.put("frameworkId", "hmip-probation-pdu-2021");
            b.put("fieldworkStart", "2022-09-05");
            b.put("sampleFrom", "2022-01-24");
            b.put("sampleTo", "2022-02-25");
            bodies.add(Http.json(b));
            b.put("name", "Bad");
            b.put("frameworkId", v);
            bodies.add(Http.json(b));
            b.put("frameworkId", "hmip-probation-pdu-2021");
            b.put("sampleTo", v);
            bodies.add(Http.json(b));
        }
        return bodies;
    }

    private static List<String> answerCsvs() {
        String header = "case_ref,question_id,answer\n";
        List<String> csvs = new ArrayList<>(List.of("", "\n", "case_ref,question_id\nNEW-001,2.2.1\n",
                header + "NEW-001,2.2.1,\"YES\n", header + "\"NEW\n-001\",2.2.1,YES\n", header + "NEW-001,2.2.1,YES,extra\n",
                header + "NEW-001,2.2.1,=cmd|' /C calc'!A0\n", header + "=cmd|' /C calc'!A0,2.2.1,YES\n",
                header + "NEW-001,2.2.2,NO\nNEW-001,2.2.3,MAYBE\n", header + "NEW-001,2.2.1,\"Y\"\"ES\"\n",
                "\uFEFF" + header + "NEW-001,2.2.1,'; drop table answer; --\n",
                header + "NEW-001,../../etc/passwd,YES\n", header + "NEW-001,2.2.1,YES\r\nNEW-002,2.2.1,\"NO\r\n",
                header + ("NEW-001,2.2.1,YES\n").repeat(300_000)));
        return csvs;
    }

    private static List<String> caseCsvs() {
        String header = "case_ref,cohort,sentence_type,young_adult,gender,ethnicity,rosh_level,start_date\n";
        return List.of("", "case_ref\nNEW-011\n", header + "NEW-011,COMMUNITY,COMMUNITY_ORDER,false,MALE,\"White\n",
                header + "NEW-011,COMMUNITY,COMMUNITY_ORDER,false,MALE,=cmd|' /C calc'!A0,LOW,2022-02-01\nNEW-012,X,Y,Z,MALE,White,LOW,2022-02-01\n",
                header + "\"NEW-0\n13\",COMMUNITY,COMMUNITY_ORDER,false,MALE,White,LOW,2022-02-01\n",
                header + "NEW-014,COMMUNITY,COMMUNITY_ORDER,false,MALE,White,LOW,2022-02-01,extra\n",
                header + "NEW-015,COMMUNITY,COMMUNITY_ORDER,false,MALE,White,LOW,2022-02-01\nNEW-001,COMMUNITY,COMMUNITY_ORDER,false,MALE,White,LOW,2022-02-01\n");
    }

    private static List<String> surveyCsvs() {
        String header = "respondent_id,channel,gender,ethnicity,age_band,relationship_works_well,feel_safe_at_office,"
                + "happy_with_support,positives,issues,needed_support,helped_by_probation,asked_for_views,say_in_how_run,comments\n";
        String good = "UV-900,INTERVIEW,MALE,WHITE,26-35,YES,YES,YES,RELATIONSHIP,ACCESS_TO_SERVICES,YES,YES,NO,NO,fine\n";
        return List.of("", "respondent_id\nUV-1\n", header + "UV-901,INTERVIEW,MALE,\"WHITE\n",
                header + good + "UV-902,INTERVIEW,MALE,WHITE,26-35,MAYBE,YES,YES,RELATIONSHIP,ACCESS_TO_SERVICES,YES,YES,NO,NO,x\n",
                header + good.replace("fine", "=cmd|' /C calc'!A0").replace("UV-900", "UV-903") + "UV-904,,,,,,,,,,,,,,\n",
                header + "UV-905,INTERVIEW,MALE,WHITE,26-35,YES,YES,YES,RELATIONSHIP,ACCESS_TO_SERVICES,YES,YES,NO,NO,x,extra\n",
                header + good.replace("fine", "c".repeat(5_000_000)));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n]", "⏎");
        String encoded = URLEncoder.encode(oneLine.length() > 80 ? oneLine.substring(0, 80) + "…(" + text.length() + ")" : oneLine,
                StandardCharsets.UTF_8);
        return java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
