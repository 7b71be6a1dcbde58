package uk.probation.inspection.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.infra.JavaProcess;
import uk.probation.inspection.infra.Ports;
import uk.probation.inspection.infra.Topics;
import uk.probation.inspection.infra.run.LocalSystem;

/**
 * Scaling out: a second case-service and a second rating-service on the same broker and databases, as two
 * Kubernetes replicas would run. Measures PUT throughput with one and with two case-service instances, then runs
 * the ledgered load through both at once and checks: per-inspection order on case-events (every (case, question)'s
 * versions appear in increasing order), nothing lost, and rating-service's counts equal the recount.
 */
public final class Scaling {

    private final BenchSystem bench;
    private final Api api;
    private final List<JavaProcess> extras = new ArrayList<>();

    private Scaling(BenchSystem bench) {
        this.bench = bench;
        this.api = new Api(bench);
    }

    public static void main(String[] args) throws Exception {
        Path root = BenchSystem.repositoryRoot();
        Path runDir = root.resolve("bench/target/scaling-run-" + System.currentTimeMillis());
        int exit;
        try (BenchSystem bench = BenchSystem.start(runDir, "scale")) {
            Scaling scaling = new Scaling(bench);
            try {
                exit = scaling.run(runDir) ? 0 : 1;
            } finally {
                scaling.extras.forEach(p -> p.stop(20));
            }
        }
        System.exit(exit);
    }

    private boolean run(Path runDir) throws Exception {
        Api.Questions questions = api.questions();
        List<String> cases = new ArrayList<>();
        for (int c = 1; c <= 40; c++) {
            cases.add(String.format("S%03d", c));
        }
        List<String> inspections = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            String id = api.openInspection("Scale PDU " + i);
            api.registerCases(id, cases);
            inspections.add(id);
        }
        double one = throughput(List.of(bench.url(BenchSystem.CASE)), inspections, questions, 8, 0);

        String caseB = startExtra(BenchSystem.CASE, runDir);
        String ratingB = startExtra(BenchSystem.RATING, runDir);
        double two = throughput(List.of(bench.url(BenchSystem.CASE), caseB), inspections, questions, 8, 1);
        say(String.format("PUT throughput, 8 client threads: one case-service %.0f answers/s, two %.0f answers/s", one, two));

        // Ledgered load through both case-service instances on the same inspections (disjoint cases per instance,
        // so every answer slot keeps a single writer), both rating-service instances consuming.
        List<AnswerLoad.Target> targetsA = new ArrayList<>();
        List<AnswerLoad.Target> targetsB = new ArrayList<>();
        List<String> ledgered = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String id = api.openInspection("Scale ledger PDU " + i);
            List<String> refs = new ArrayList<>();
            for (int c = 1; c <= 40; c++) {
                refs.add(String.format("L%03d", c));
            }
            api.registerCases(id, refs);
            targetsA.add(new AnswerLoad.Target(id, refs.subList(0, 10), refs.subList(20, 30)));
            targetsB.add(new AnswerLoad.Target(id, refs.subList(10, 20), refs.subList(30, 40)));
            ledgered.add(id);
        }
        Api apiB = new Api(bench.http, caseB, bench.url(BenchSystem.RATING), bench.lead);
        AnswerLoad loadA = new AnswerLoad(api, targetsA, questions.all(), 2, 20, 100, 200, 100_000);
        AnswerLoad loadB = new AnswerLoad(apiB, targetsB, questions.all(), 2, 20, 100, 200, 100_000);
        loadA.start();
        loadB.start();
        AnswerLoad.pause(30_000);
        loadA.stop();
        loadB.stop();

        Map<String, Map<String, Map<String, String>>> answers = new LinkedHashMap<>();
        Api.Difference difference = new Api.Difference(0, 0);
        List<String> all = new ArrayList<>(inspections);
        all.addAll(ledgered);
        long deadline = System.currentTimeMillis() + 120_000;
        long stopped = System.nanoTime();
        do {
            answers.clear();
            difference = new Api.Difference(0, 0);
            for (String id : all) {
                Map<String, Map<String, String>> held = api.answers(id);
                answers.put(id, held);
                // Each rating-service instance answers from the one shared projection: ask both.
                Map<String, int[]> expected = Api.recount(held);
                difference = difference.plus(Api.compare(expected, api.ratingCounts(id)));
                difference = difference.plus(Api.compare(expected,
                        new Api(bench.http, caseB, ratingB, bench.lead).ratingCounts(id)));
            }
            if (!difference.none()) {
                AnswerLoad.pause(2_000);
            }
        } while (!difference.none() && System.currentTimeMillis() < deadline);
        double converged = (System.nanoTime() - stopped) / 1e9;
        AnswerLoad.Verdict a = loadA.verify(answers);
        AnswerLoad.Verdict b = loadB.verify(answers);
        long outOfOrder = outOfOrder();

        long lost = a.lost() + b.lost() + a.lostBatchRows() + b.lostBatchRows() + difference.missing();
        boolean passed = lost == 0 && difference.extra() == 0 && outOfOrder == 0 && a.partialBatches() + b.partialBatches() == 0
                && a.phantom() + b.phantom() == 0;
        System.out.println("Scaling out: two case-service and two rating-service instances");
        System.out.printf("  PUT throughput (closed loop, 8 client threads, 15 s): one case-service %.0f answers/s; two %.0f answers/s%n", one, two);
        System.out.printf("  ledgered load through both: %d + %d PUTs acknowledged, %d + %d batches acknowledged%n",
                loadA.acked.get(), loadB.acked.get(), loadA.batchAcked.get(), loadB.batchAcked.get());
        System.out.printf("  case-events order: %d answer versions out of order%n", outOfOrder);
        System.out.printf("  lost = %d, double-counted = %d, partial batches = %d (ratings converged %.1f s after the load)%n",
                lost, difference.extra(), a.partialBatches() + b.partialBatches(), converged);
        a.examples().forEach(e -> System.out.println("    e.g. " + e));
        b.examples().forEach(e -> System.out.println("    e.g. " + e));
        System.out.println("  => " + (passed ? "PASSED" : "FAILED"));
        return passed;
    }

    /** Closed-loop PUTs for 15 s, client threads spread over the given case-service instances; answers/s. */
    private double throughput(List<String> caseUrls, List<String> inspections, Api.Questions questions, int threads,
            int pass) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Api client = new Api(bench.http, caseUrls.get(t % caseUrls.size()), bench.url(BenchSystem.RATING), bench.lead);
            futures.add(pool.submit(() -> {
                long k = 0;
                while (System.nanoTime() < end) {
                    String inspection = inspections.get(thread + threads * (int) (k % 2));
                    long slot = k / 2;
                    String caseRef = String.format("S%03d", 1 + slot % 40);
                    String question = questions.all().get((int) ((slot / 40) % questions.all().size()));
                    if (client.putAnswer(inspection, caseRef, question, Api.ANSWERS.get((pass + (int) (slot / 2000)) % 3)).ok()) {
                        done.incrementAndGet();
                    }
                    k++;
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private String startExtra(String service, Path runDir) {
        BenchSystem.Instance instance = bench.startSecondInstance(service, runDir);
        extras.add(instance.process());
        say(service + "-2 ready at " + instance.url());
        return instance.url();
    }

    /** Answer versions per (inspection, case, question) must never go backwards in case-events. */
    private long outOfOrder() {
        Map<String, Integer> last = new HashMap<>();
        long wrong = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = Kafka.consumer(bench.bootstrapServers())) {
            List<TopicPartition> partitions = Kafka.partitions(consumer, Topics.CASE_EVENTS);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type == null || !"answer.recorded".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    try {
                        JsonNode data = Http.JSON.readTree(record.value());
                        String key = data.path("inspectionId").asText() + "|" + data.path("caseRef").asText() + "|"
                                + data.path("questionId").asText();
                        int version = data.path("version").asInt();
                        Integer before = last.put(key, version);
                        if (before != null && version < before) {
                            wrong++;
                        }
                    } catch (java.io.IOException e) {
                        wrong++;
                    }
                }
            }
        }
        return wrong;
    }

    static void say(String line) {
        System.out.println("[scaling] " + line);
        System.out.flush();
    }
}
