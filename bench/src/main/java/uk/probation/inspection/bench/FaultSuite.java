package uk.probation.inspection.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import uk.probation.inspection.infra.Topics;

/**
 * Faults under a steady load of answers, then the audit: every answer case-service acknowledged is in
 * case-service, no batch is half there, and rating-service's counts equal a recount of case-service's answers.
 * The faults: kill -9 the broker, kill -9 rating-service, kill -9 case-service mid-batch, PostgreSQL down for
 * 10 s, every case event delivered twice, and a replay of case-events from the start (rebuild).
 */
public final class FaultSuite {

    /** One fault: how long the component was out, and how long after its return a new answer reached the ratings. */
    public record Fault(String name, double outageSeconds, double recoverySeconds, String note) {
        @Override
        public String toString() {
            return String.format("%-38s outage %6.1f s   recovery %6.1f s   %s", name, outageSeconds, recoverySeconds, note);
        }
    }

    public record Report(List<Fault> faults, long putsAcked, long putsFailed, long batchesAcked, long batchesFailed,
            AnswerLoad.Verdict verdict, Api.Difference ratings, double convergeSeconds, double totalSeconds) {

        public long lost() {
            return verdict.lost() + verdict.lostBatchRows() + ratings.missing();
        }

        public long doubleCounted() {
            return ratings.extra();
        }

        public boolean passed() {
            return lost() == 0 && doubleCounted() == 0 && verdict.phantom() == 0 && verdict.partialBatches() == 0
                    && unrecovered() == 0;
        }

        /** Faults after which no new answer reached rating-service within the limit. */
        public long unrecovered() {
            return faults.stream().filter(f -> Double.isNaN(f.recoverySeconds())).count();
        }

        public String summary() {
            StringBuilder text = new StringBuilder();
            text.append("Fault injection under load (").append(String.format("%.0f", totalSeconds)).append(" s in all)\n");
            faults.forEach(f -> text.append("  ").append(f).append('\n'));
            text.append(String.format("  load: %d PUTs acknowledged, %d failed; %d batches acknowledged, %d failed%n",
                    putsAcked, putsFailed, batchesAcked, batchesFailed));
            text.append(String.format("  case-service: %d answer slots and %d batches checked: lost %d, batch rows lost %d,"
                    + " unacknowledged batches half-applied %d, answers nobody sent %d%n", verdict.slotsChecked(),
                    verdict.batchesChecked(), verdict.lost(), verdict.lostBatchRows(), verdict.partialBatches(),
                    verdict.phantom()));
            text.append(String.format("  rating-service vs recount of case-service: missing %d, extra %d (converged %.1f s after the load stopped)%n",
                    ratings.missing(), ratings.extra(), convergeSeconds));
            verdict.examples().forEach(e -> text.append("    e.g. ").append(e).append('\n'));
            text.append(String.format("  lost = %d, double-counted = %d, faults not recovered from = %d  => %s%n",
                    lost(), doubleCounted(), unrecovered(),
                    passed() ? "PASSED" : "FAILED"));
            return text.toString();
        }
    }

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(180);

    private final BenchSystem bench;
    private final Api api;
    private final List<String> inspections = new ArrayList<>();
    private String probeInspection;
    private List<String> probeQuestions;
    private int probes;

    private FaultSuite(BenchSystem bench) {
        this.bench = bench;
        this.api = new Api(bench);
    }

    public static Report run(Path runDir) throws Exception {
        long started = System.nanoTime();
        // A fresh directory per run: the broker formats its storage there.
        try (BenchSystem bench = BenchSystem.start(runDir.resolve("run-" + System.currentTimeMillis()), "faults")) {
            return new FaultSuite(bench).run(started);
        }
    }

    private Report run(long started) throws Exception {
        Api.Questions questions = api.questions();
        List<AnswerLoad.Target> targets = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String id = api.openInspection("Fault PDU " + i);
            List<String> putCases = refs("P", 20);
            List<String> batchCases = refs("B", 150); // enough fresh slots for batches all through the run
            List<String> all = new ArrayList<>(putCases);
            all.addAll(batchCases);
            api.registerCases(id, all);
            targets.add(new AnswerLoad.Target(id, putCases, batchCases));
            inspections.add(id);
        }
        probeInspection = api.openInspection("Fault probe");
        api.registerCases(probeInspection, List.of("PROBE-1"));
        inspections.add(probeInspection);
        probeQuestions = questions.all();
        say("load: 4 inspections, 3 PUT workers at 15/s each, batches of 100 answers");

        AnswerLoad load = new AnswerLoad(api, targets, questions.all(), 3, 15, 100, 500, 200_000);
        load.start();
        List<Fault> faults = new ArrayList<>();
        try {
            AnswerLoad.pause(5_000);
            faults.add(fault("broker kill -9, restart after 5 s", () -> {
                bench.system().broker().kill();
                AnswerLoad.pause(5_000);
                bench.system().broker().launch();
                return "";
            }));
            faults.add(fault("rating-service kill -9, restart", () -> {
                bench.system().killService(BenchSystem.RATING);
                bench.system().restartService(BenchSystem.RATING);
                return "";
            }));
            faults.add(fault("case-service kill -9 mid-batch, restart", () -> {
                long deadline = System.currentTimeMillis() + 20_000;
                while (!load.batchInFlight() && System.currentTimeMillis() < deadline) {
                    Thread.onSpinWait();
                }
                boolean midBatch = load.batchInFlight();
                long before = load.batchFailed.get();
                bench.system().killService(BenchSystem.CASE);
                bench.system().restartService(BenchSystem.CASE);
                return midBatch ? "killed with a batch in flight (" + (load.batchFailed.get() - before) + " batch failed)"
                        : "no batch was in flight";
            }));
            faults.add(fault("PostgreSQL down for 10 s", () -> {
                // Without this, zonky's close() deletes the data directory (the server was created with a clean data
                // directory) and the "restart" is an empty new cluster: every database, role and row gone.
                System.setProperty("ot.epg.no-cleanup", "true");
                try {
                    bench.system().postgres().stopEmbedded();
                    AnswerLoad.pause(10_000);
                    bench.system().postgres().restartEmbedded();
                } finally {
                    System.clearProperty("ot.epg.no-cleanup");
                }
                return "";
            }));
            faults.add(fault("every case event delivered twice", () -> {
                long sent = Kafka.reproduceAll(bench.bootstrapServers(), Topics.CASE_EVENTS);
                var ends = Kafka.endOffsets(bench.bootstrapServers(), Topics.CASE_EVENTS);
                long produced = System.nanoTime();
                long limit = produced + RECOVERY_LIMIT.toNanos();
                long nextReport = produced;
                while (!Kafka.committedBeyond(bench.bootstrapServers(), "rating-service", ends) && System.nanoTime() < limit) {
                    if (System.nanoTime() >= nextReport) {
                        // Where each partition's committed offset stands against the end of the duplicates.
                        say(String.format("%.0f s: ends %s, committed %s", (System.nanoTime() - produced) / 1e9, ends,
                                Kafka.committed(bench.bootstrapServers(), "rating-service")));
                        nextReport += Duration.ofSeconds(10).toNanos();
                    }
                    AnswerLoad.pause(200);
                }
                return sent + " records re-sent with their ce_id; rating-service committed past them "
                        + String.format("%.1f s", (System.nanoTime() - produced) / 1e9) + " after they were sent";
            }));
            faults.add(fault("replay case-events from the start", () -> {
                Http.Response report = Api.rebuild(new Http(Duration.ofMinutes(10)), bench.url(BenchSystem.RATING), bench.admin);
                return "POST /admin/rebuild " + report.status() + " " + report.body();
            }));
            AnswerLoad.pause(3_000);
        } finally {
            load.stop();
        }
        say("load stopped; waiting for rating-service to converge");

        long stopped = System.nanoTime();
        Map<String, Map<String, Map<String, String>>> answers = new LinkedHashMap<>();
        Api.Difference difference = null;
        long deadline = System.currentTimeMillis() + RECOVERY_LIMIT.toMillis();
        Api.Difference previous = null;
        long unchangedSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            answers.clear();
            difference = new Api.Difference(0, 0);
            for (String id : inspections) {
                Map<String, Map<String, String>> held = api.answers(id);
                answers.put(id, held);
                difference = difference.plus(Api.compare(Api.recount(held), api.ratingCounts(id)));
            }
            if (difference.none()) {
                break;
            }
            // No progress for 20 s: rating-service is as close as it will get; report the difference.
            if (difference.equals(previous) && System.currentTimeMillis() - unchangedSince > 20_000) {
                break;
            }
            if (!difference.equals(previous)) {
                previous = difference;
                unchangedSince = System.currentTimeMillis();
            }
            AnswerLoad.pause(2_000);
        }
        double converge = (System.nanoTime() - stopped) / 1e9;
        AnswerLoad.Verdict verdict = load.verify(answers);
        return new Report(faults, load.acked.get(), load.failed.get(), load.batchAcked.get(), load.batchFailed.get(),
                verdict, difference, converge, (System.nanoTime() - started) / 1e9);
    }

    private Fault fault(String name, Supplier<String> inject) {
        say("fault: " + name);
        long start = System.nanoTime();
        String note = inject.get();
        long restored = System.nanoTime();
        double recovery = probe(restored);
        Fault fault = new Fault(name, (restored - start) / 1e9, recovery, note);
        say(fault.toString());
        say("  case-events ends " + Kafka.endOffsets(bench.bootstrapServers(), Topics.CASE_EVENTS) + ", rating-service committed "
                + Kafka.committed(bench.bootstrapServers(), "rating-service"));
        return fault;
    }

    /**
     * Writes a first answer to a fresh question of the probe case until case-service acknowledges it, then waits
     * until rating-service counts it: the seconds from {@code since} until a new answer flows end to end again, or
     * NaN when that did not happen within the limit. (First answers only: whether changes are counted right is
     * what the final audit checks.)
     */
    private double probe(long since) {
        String question = probeQuestions.get(probes++);
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (!api.putAnswer(probeInspection, "PROBE-1", question, "YES").ok()) {
            if (System.nanoTime() > deadline) {
                say("case-service did not accept an answer within " + RECOVERY_LIMIT);
                return Double.NaN;
            }
            AnswerLoad.pause(100);
        }
        while (true) {
            try {
                Map<String, int[]> counts = api.ratingCounts(probeInspection);
                int[] q = counts == null ? null : counts.get(question);
                if (q != null && q[0] >= 1) {
                    return (System.nanoTime() - since) / 1e9;
                }
            } catch (RuntimeException notYet) {
                // rating-service not answering yet
            }
            if (System.nanoTime() > deadline) {
                say("the probe answer did not reach rating-service within " + RECOVERY_LIMIT);
                return Double.NaN;
            }
            AnswerLoad.pause(100);
        }
    }

    private static List<String> refs(String prefix, int count) {
        List<String> refs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            refs.add(String.format("%s%03d", prefix, i));
        }
        return refs;
    }

    static void say(String line) {
        System.out.println("[faults] " + line);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args.length > 0 ? args[0] : "target/faults-run").toAbsolutePath();
        Report report = run(runDir);
        System.out.println(report.summary());
        System.exit(report.passed() ? 0 : 1);
    }
}
