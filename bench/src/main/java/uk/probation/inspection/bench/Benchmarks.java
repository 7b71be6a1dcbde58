package uk.probation.inspection.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.infra.Topics;

/**
 * The benchmarks of issue 9, in one go on one system, results printed and written to docs/benchmarks.md.
 * Sizes come from system properties (bench.rawRecords, bench.catchUpEvents, ...), so a run can be scaled down on
 * a busy machine; the document states the sizes used.
 */
public final class Benchmarks {

    private final long rawRecords = Long.getLong("bench.rawRecords", 1_000_000);
    private final long catchUpEvents = Long.getLong("bench.catchUpEvents", 200_000);
    private final int restSeconds = Integer.getInteger("bench.restSeconds", 15);
    private final int e2eSeconds = Integer.getInteger("bench.e2eSeconds", 20);
    /** Catch-up variants for the scaling question: a second rating-service instance, more case-events partitions. */
    private final int catchUpInstances = Integer.getInteger("bench.catchUpInstances", 1);
    private final int catchUpPartitions = Integer.getInteger("bench.catchUpPartitions", 0);
    /** Which steps to run (all by default), e.g. -Dbench.steps=catchup while tuning one of them. */
    private final java.util.Set<String> steps = java.util.Set.of(
            System.getProperty("bench.steps", "raw,rest,e2e,catchup,startup").split(","));
    private final List<Integer> concurrencies = List.of(1, 4, 16);

    private final StringBuilder md = new StringBuilder();
    private final Map<String, Double> peakRss = new ConcurrentHashMap<>();
    private BenchSystem bench;
    private Api api;
    private Api.Questions questions;
    private volatile boolean sampling = true;
    private int inspectionCounter;

    public static void main(String[] args) throws Exception {
        Path root = BenchSystem.repositoryRoot();
        Path out = args.length > 0 ? Path.of(args[0]) : root.resolve("bench/target/benchmark-results.md");
        new Benchmarks().run(root, out);
        System.exit(0);
    }

    private void run(Path root, Path out) throws Exception {
        long started = System.nanoTime();
        String loadBefore = loadAverage();
        Path runDir = root.resolve("bench/target/bench-run-" + System.currentTimeMillis());
        long t0 = System.nanoTime();
        bench = BenchSystem.start(runDir, "bench");
        double systemStart = seconds(t0);
        api = new Api(bench);
        questions = api.questions();
        Thread sampler = new Thread(this::sampleRss, "rss-sampler");
        sampler.setDaemon(true);

        section("Machine");
        line("- CPUs (nproc): " + Runtime.getRuntime().availableProcessors());
        line("- RAM: " + memTotal());
        line("- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        line("- Load average before the run: " + loadBefore);
        line("- Whole system (broker, embedded PostgreSQL, OIDC provider, 3 services) started in "
                + f1(systemStart) + " s; run directory " + runDir);

        section("6a. Memory at idle (VmRSS)");
        Map<String, Double> idle = rssNow();
        idle.forEach((s, mb) -> line("- " + s + ": " + f0(mb) + " MB"));
        sampler.start();

        if (steps.contains("raw")) {
            raw();
        }
        if (steps.contains("rest")) {
            rest();
        }
        if (steps.contains("e2e")) {
            endToEnd();
        }
        if (steps.contains("catchup")) {
            catchUpAndRebuild();
        }
        if (steps.contains("startup")) {
            startUp();
        }

        sampling = false;
        section("6c. Memory: idle and peak under load (VmRSS, target < 300 MB each)");
        line("| service | idle MB | peak MB during the run | target met |");
        line("|---|---|---|---|");
        for (String s : BenchSystem.SERVICES) {
            double peak = peakRss.getOrDefault(s, -1.0);
            line("| " + s + " | " + f0(idle.get(s)) + " | " + f0(peak) + " | " + (peak < 300 ? "yes" : "NO") + " |");
        }
        line("");
        line("Load average after the run: " + loadAverage() + "; whole run " + f0(seconds(started)) + " s.");
        bench.close();
        write(out);
    }

    // ---- 1. raw Kafka --------------------------------------------------------------------------------------

    private RawKafka.Result rawResult;

    private void raw() throws IOException {
        int size = new CaseEventsGenerator(CaseEventsGenerator.frameworkFile(bench.root())).answerRecordSize();
        say("raw Kafka: " + rawRecords + " records of " + size + " B");
        rawResult = RawKafka.run(bench.bootstrapServers(), bench.root().resolve("bench/target"), rawRecords, size);
        section("1. Raw Kafka on the same broker (the ceiling)");
        line("Topic bench-raw, 3 partitions, " + rawRecords + " records of " + size
                + " B (key + value + headers of an answer.recorded event), acks=all, linger.ms=5.");
        line("");
        line("- ProducerPerformance: **" + f0(rawResult.producerRecordsPerSecond()) + " records/s** ("
                + rawResult.producerMbPerSecond() + " MB/s); " + rawResult.producerLatency());
        line("- ConsumerPerformance: **" + f0(rawResult.consumerRecordsPerSecond()) + " records/s** including group join ("
                + f0(rawResult.consumerFetchRecordsPerSecond()) + " records/s fetch only, "
                + rawResult.consumerMbPerSecond() + " MB/s)");
    }

    // ---- 2. REST answer recording --------------------------------------------------------------------------

    private void rest() throws Exception {
        section("2. Answer recording through REST (case-service)");
        line("Each PUT changes an answer (new, or a different value), so every request commits a row, a version and an"
                + " outbox event. Closed loop: each client thread sends its next request when the last one returns; each"
                + " thread writes to its own inspections (a write locks its inspection's row). " + restSeconds
                + " s per step.");
        line("");
        line("| step | requests | answers/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
        line("|---|---|---|---|---|---|---|---|");
        List<String> inspections = openInspections("REST", 16, 40);
        for (int concurrency : concurrencies) {
            singles(inspections, concurrency);
        }
        for (int size : List.of(100, 1000)) {
            batches(size, 2);
        }
    }

    private void singles(List<String> inspections, int concurrency) throws Exception {
        say("REST: single PUTs at concurrency " + concurrency);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(restSeconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<String> own = new ArrayList<>();
                for (int i = thread; i < inspections.size(); i += concurrency) {
                    own.add(inspections.get(i));
                }
                long k = System.nanoTime() % 1000; // a different starting point per step, so values change
                while (System.nanoTime() < end) {
                    String inspection = own.get((int) (k % own.size()));
                    long slot = k / own.size();
                    int cases = 40;
                    int perRound = cases * questions.all().size();
                    String caseRef = String.format("R%03d", 1 + slot % cases);
                    String question = questions.all().get((int) ((slot / cases) % questions.all().size()));
                    String answer = Api.ANSWERS.get((int) ((slot / perRound + thread + concurrency) % 3));
                    Http.Response r = api.putAnswer(inspection, caseRef, question, answer);
                    if (r.ok()) {
                        latencies.add(r.nanos());
                    } else {
                        errors.incrementAndGet();
                    }
                    k++;
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double elapsed = seconds(start);
        Percentiles p = Percentiles.ofNanos(latencies);
        row("single PUT, " + concurrency + " client thread" + (concurrency > 1 ? "s" : ""), latencies.size(),
                latencies.size() / elapsed, p, errors.get());
    }

    private void batches(int size, int concurrency) throws Exception {
        say("REST: batches of " + size);
        int casesPerInspection = 40;
        int slotsPerInspection = casesPerInspection * questions.all().size();
        List<String> inspections = openInspections("Batch" + size, concurrency * 2, casesPerInspection);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong answers = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(restSeconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                long cursor = 0;
                while (System.nanoTime() < end) {
                    // Thread t writes inspections t and t + concurrency; each pass over an inspection flips the values.
                    List<Api.Row> rows = new ArrayList<>();
                    String inspection = inspections.get(thread + concurrency * (int) ((cursor / slotsPerInspection) % 2));
                    for (int i = 0; i < size; i++, cursor++) {
                        int slot = (int) (cursor % slotsPerInspection);
                        rows.add(new Api.Row(String.format("R%03d", 1 + slot / questions.all().size()),
                                questions.all().get(slot % questions.all().size()),
                                Api.ANSWERS.get((int) ((cursor / (2L * slotsPerInspection)) % 3))));
                    }
                    Http.Response r = api.batch(inspection, rows);
                    if (r.ok()) {
                        latencies.add(r.nanos());
                        answers.addAndGet(size);
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double elapsed = seconds(start);
        row("batch of " + size + " (POST /answers), " + concurrency + " client threads; latency per batch",
                latencies.size(), answers.get() / elapsed, Percentiles.ofNanos(latencies), errors.get());
    }

    private void row(String step, long requests, double perSecond, Percentiles p, long errors) {
        line(String.format("| %s | %d | **%.0f** | %.1f | %.1f | %.1f | %.1f | %d |", step, requests, perSecond, p.p50(),
                p.p95(), p.p99(), p.max(), errors));
        say(step + ": " + String.format("%.0f answers/s, ", perSecond) + p);
    }

    // ---- 3. end to end -------------------------------------------------------------------------------------

    private void endToEnd() throws Exception {
        section("3. End to end: answer committed (PUT response) to the rating.snapshot that includes it");
        line("Open loop at a fixed offered rate for " + e2eSeconds + " s: one sender lane per inspection, each sending"
                + " first answers to key questions on its own schedule; a consumer of inspection-ratings notes when each"
                + " snapshot arrives and how many key-question answers it counts. An answer's latency is the arrival of"
                + " the first snapshot of its inspection whose count includes it, minus the PUT's response time (same clock)."
                + " rating-service writes snapshots right after each committed batch, in rounds at least 50 ms apart (rating.snapshot.min-gap), which is part of the figure.");
        line("");
        line("| offered answers/s | achieved answers/s | answers | never seen | p50 ms | p95 ms | p99 ms | max ms | target p99 < 250 ms |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (int rate : List.of(200, 1000)) {
            e2e(rate);
        }
    }

    private void e2e(int rate) throws Exception {
        int lanes = rate <= 200 ? 10 : 40;
        int keyQuestions = questions.keyQuestions().size();
        int needed = rate * e2eSeconds / lanes + 1;
        int cases = (needed + keyQuestions - 1) / keyQuestions;
        say("end to end at " + rate + "/s: " + lanes + " inspections of " + cases + " cases");
        List<String> inspections = openInspections("E2E" + rate, lanes, cases);
        AnswerLoad.pause(1_000); // let the registration snapshots go by
        List<long[]> sent = Collections.synchronizedList(new ArrayList<>()); // lane, ordinal, response nanos
        AtomicLong errors = new AtomicLong();
        try (EndToEnd watch = new EndToEnd(bench.bootstrapServers())) {
            ExecutorService pool = Executors.newFixedThreadPool(lanes);
            long interval = 1_000_000_000L * lanes / rate;
            long start = System.nanoTime() + 100_000_000L;
            long end = start + Duration.ofSeconds(e2eSeconds).toNanos();
            List<Future<?>> futures = new ArrayList<>();
            for (int l = 0; l < lanes; l++) {
                int lane = l;
                futures.add(pool.submit(() -> {
                    long due = start + interval * lane / lanes;
                    int ordinal = 0;
                    while (due < end) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            AnswerLoad.pause(wait / 1_000_000);
                        }
                        String caseRef = String.format("R%03d", 1 + ordinal / keyQuestions);
                        String question = questions.keyQuestions().get(ordinal % keyQuestions);
                        Http.Response r = api.putAnswer(inspections.get(lane), caseRef, question, Api.ANSWERS.get(ordinal % 3));
                        long now = System.nanoTime();
                        if (r.ok()) {
                            ordinal++;
                            sent.add(new long[] {lane, ordinal, now});
                        } else {
                            errors.incrementAndGet();
                        }
                        due += interval;
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double achieved = sent.size() / ((System.nanoTime() - start) / 1e9);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<Integer, Integer> total = new LinkedHashMap<>();
            synchronized (sent) {
                sent.forEach(s -> total.merge((int) s[0], (int) s[1], Math::max));
            }
            while (System.nanoTime() < deadline && total.entrySet().stream()
                    .anyMatch(e -> watch.latest(inspections.get(e.getKey())) < e.getValue())) {
                AnswerLoad.pause(200);
            }
            List<Long> latencies = new ArrayList<>();
            long never = 0;
            synchronized (sent) {
                for (long[] s : sent) {
                    long seen = watch.firstIncluding(inspections.get((int) s[0]), (int) s[1]);
                    if (seen < 0) {
                        never++;
                    } else {
                        latencies.add(Math.max(0, seen - s[2]));
                    }
                }
            }
            Percentiles p = Percentiles.ofNanos(latencies);
            line(String.format("| %d | %.0f | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |", rate, achieved, sent.size(), never,
                    p.p50(), p.p95(), p.p99(), p.max(), rate == 200 ? (p.p99() < 250 ? "met" : "**missed**") : "-"));
            say("e2e " + rate + "/s: achieved " + f0(achieved) + "/s, errors " + errors.get() + ", never seen " + never + ", " + p);
        }
    }

    // ---- 4 and 5. catch-up and rebuild ----------------------------------------------------------------------

    private void catchUpAndRebuild() throws Exception {
        say("catch-up: stopping rating-service and feedback-service, pre-filling case-events with " + catchUpEvents + " events");
        bench.system().killService(BenchSystem.RATING);
        bench.system().killService(BenchSystem.FEEDBACK);
        if (catchUpPartitions > 0) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.bootstrapServers()))) {
                admin.createPartitions(Map.of(Topics.CASE_EVENTS, NewPartitions.increaseTo(catchUpPartitions))).all().get();
            }
            say("case-events now has " + catchUpPartitions + " partitions");
        }
        CaseEventsGenerator generator = new CaseEventsGenerator(CaseEventsGenerator.frameworkFile(bench.root()));
        long produceStart = System.nanoTime();
        CaseEventsGenerator.Plan plan;
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer(bench.bootstrapServers(), 20)) {
            plan = generator.generate(catchUpEvents, 20, producer::send);
            producer.flush();
        }
        double produceSeconds = seconds(produceStart);
        Map<String, Integer> expected = plan.keyQuestionAnswers();
        say("produced " + plan.events() + " events over " + expected.size() + " inspections in " + f1(produceSeconds) + " s");
        double startUp;
        double done;
        BenchSystem.Instance second = null;
        long start;
        long caughtUp;
        try (EndToEnd watch = new EndToEnd(bench.bootstrapServers())) {
            start = System.nanoTime();
            bench.system().restartService(BenchSystem.RATING);
            startUp = seconds(start);
            if (catchUpInstances > 1) {
                second = bench.startSecondInstance(BenchSystem.RATING, bench.root().resolve("bench/target"));
                say("second rating-service ready after " + f1(seconds(start)) + " s");
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (System.nanoTime() < deadline
                    && expected.entrySet().stream().anyMatch(e -> watch.latest(e.getKey()) < e.getValue())) {
                AnswerLoad.pause(200);
            }
            done = seconds(start);
            caughtUp = expected.entrySet().stream().filter(e -> watch.latest(e.getKey()) >= e.getValue()).count();
        } finally {
            if (second != null) {
                second.process().stop(20);
            }
        }
        double rate = plan.events() / done;
        double rateAfterReady = plan.events() / Math.max(0.001, done - startUp);
        section("4. rating-service catching up on a pre-filled case-events");
        line(plan.events() + " events (" + expected.size() + " inspections × [inspection.opened with the whole framework,"
                + " team.member.added, 20 × case.registered, first answers to every key question and prompt]) produced"
                + " directly to case-events (" + Kafka.endOffsets(bench.bootstrapServers(), Topics.CASE_EVENTS).size()
                + " partitions) in " + f1(produceSeconds) + " s while rating-service and feedback-service were"
                + " stopped; then rating-service was started" + (catchUpInstances > 1
                        ? ", and a second instance of it (same database, same consumer group) as soon as the first was ready"
                        : "") + ". Done = every inspection's rating.snapshot counts all its"
                + " key-question answers" + (caughtUp == expected.size() ? "" : " (NOT reached)") + ".");
        line("");
        line("- From process launch to caught up: " + f1(done) + " s, i.e. **" + f0(rate) + " events/s** including start-up ("
                + f1(startUp) + " s to ready); " + f0(rateAfterReady) + " events/s counting from readiness.");
        if (rawResult != null) {
            line("- Ratio to the raw consumer (" + f0(rawResult.consumerRecordsPerSecond()) + " records/s): "
                    + String.format("%.3f", rate / rawResult.consumerRecordsPerSecond()) + " (" + String.format("%.3f",
                            rateAfterReady / rawResult.consumerRecordsPerSecond()) + " from readiness).");
        }
        line("- Target ≥ 20,000 events/s: " + (rateAfterReady >= 20_000 ? "met" : "**missed**") + ".");
        say("catch-up: " + f0(rate) + " events/s (" + f0(rateAfterReady) + " from readiness)");

        say("rebuild");
        long rebuildStart = System.nanoTime();
        Http.Response report = Api.rebuild(new Http(Duration.ofMinutes(30)), bench.url(BenchSystem.RATING), bench.admin);
        double rebuildSeconds = seconds(rebuildStart);
        section("5. Rebuild from case-events (POST /admin/rebuild)");
        if (report.ok()) {
            JsonNode r = report.json();
            long read = r.path("eventsRead").asLong();
            line("- " + read + " events read (" + r.path("eventsApplied").asLong() + " applied, "
                    + r.path("duplicatesSkipped").asLong() + " duplicates, " + r.path("inspections").asLong()
                    + " inspections): **" + f1(rebuildSeconds) + " s** wall clock (" + f0(read / rebuildSeconds)
                    + " events/s; rating-service reports " + r.path("millis").asLong() + " ms). The topic held the"
                    + " catch-up events plus everything the earlier steps wrote.");
        } else {
            line("- POST /admin/rebuild answered " + report.status() + " after " + f1(rebuildSeconds) + " s: "
                    + (report.error() != null ? report.error() : report.body()));
        }
        say("rebuild: " + report.status() + " in " + f1(rebuildSeconds) + " s");
        bench.system().restartService(BenchSystem.FEEDBACK);
    }

    // ---- 6b. start-up --------------------------------------------------------------------------------------

    private void startUp() {
        section("6b. Start-up time (kill -9, then start until /q/health/ready answers 200)");
        for (String service : BenchSystem.SERVICES) {
            bench.system().killService(service);
            long start = System.nanoTime();
            bench.system().restartService(service);
            line("- " + service + ": " + f1(seconds(start)) + " s (JVM launch to ready, includes Flyway's check and the"
                    + " first connections to PostgreSQL and Kafka)");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private List<String> openInspections(String label, int count, int cases) {
        List<String> ids = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (int c = 1; c <= cases; c++) {
            refs.add(String.format("R%03d", c));
        }
        for (int i = 0; i < count; i++) {
            String id = api.openInspection(label + " PDU " + (++inspectionCounter));
            api.registerCases(id, refs);
            ids.add(id);
        }
        return ids;
    }

    private Map<String, Double> rssNow() {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (String s : BenchSystem.SERVICES) {
            rss.put(s, BenchSystem.pidOfPort(port(s)).stream().mapToDouble(BenchSystem::rssMb).findFirst().orElse(-1));
        }
        return rss;
    }

    private int port(String service) {
        return Integer.parseInt(bench.url(service).replaceAll(".*:", ""));
    }

    private void sampleRss() {
        while (sampling) {
            rssNow().forEach((s, mb) -> peakRss.merge(s, mb, Math::max));
            AnswerLoad.pause(500);
        }
    }

    private void section(String title) {
        md.append("\n## ").append(title).append("\n\n");
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    private void write(Path out) throws IOException {
        String text = "<!-- measured by bench/run-benchmarks on " + Instant.now() + " -->\n" + md;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.println(text);
        System.out.println("Results written to " + out + " (docs/benchmarks.md quotes and explains them).");
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String f0(double value) {
        return String.format("%.0f", value);
    }

    private static String f1(double value) {
        return String.format("%.1f", value);
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }
}
