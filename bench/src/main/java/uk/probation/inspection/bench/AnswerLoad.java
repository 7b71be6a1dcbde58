package uk.probation.inspection.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady, bounded load of answers on loopback: PUT workers that answer and re-answer (change) their own slots,
 * and one worker posting atomic batches to fresh slots. Every request's outcome goes into a ledger, so that the
 * end state can be checked: an acknowledged (2xx) answer must be there, an unacknowledged one may or may not be,
 * and a batch is there entirely or not at all.
 */
public final class AnswerLoad {

    /** One inspection under load: its id, the cases PUT workers answer, the cases reserved for batches. */
    public record Target(String inspectionId, List<String> putCases, List<String> batchCases) {
    }

    /** What one (inspection, case, question) received from its single writer. */
    static final class Slot {
        String acked;                          // last acknowledged answer
        final Set<String> maybe = new HashSet<>(); // sent after the last acknowledgement, outcome unknown
    }

    /** One batch and whether it was acknowledged. */
    record Batch(String inspectionId, List<Api.Row> rows, boolean acked) {
    }

    private final Api api;
    private final List<Target> targets;
    private final List<String> questions;
    private final int putWorkers;
    private final double putsPerSecondPerWorker;
    private final int batchSize;
    private final long batchPauseMillis;
    private final long maxRequests;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final List<Batch> batches = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean batchInFlight;
    public final AtomicLong acked = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    public final AtomicLong batchAcked = new AtomicLong();
    public final AtomicLong batchFailed = new AtomicLong();

    public AnswerLoad(Api api, List<Target> targets, List<String> questions, int putWorkers,
            double putsPerSecondPerWorker, int batchSize, long batchPauseMillis, long maxRequests) {
        this.api = api;
        this.targets = targets;
        this.questions = questions;
        this.putWorkers = putWorkers;
        this.putsPerSecondPerWorker = putsPerSecondPerWorker;
        this.batchSize = batchSize;
        this.batchPauseMillis = batchPauseMillis;
        this.maxRequests = maxRequests;
    }

    public void start() {
        running = true;
        for (int w = 0; w < putWorkers; w++) {
            int worker = w;
            threads.add(named("put-" + w, () -> putLoop(worker)));
        }
        if (batchSize > 0) {
            threads.add(named("batch", this::batchLoop));
        }
        threads.forEach(Thread::start);
    }

    public void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    public boolean batchInFlight() {
        return batchInFlight;
    }

    private boolean budgetLeft() {
        return running && acked.get() + failed.get() + batchAcked.get() + batchFailed.get() < maxRequests;
    }

    /** Each worker owns the cases with index % putWorkers == worker, so every slot has a single writer. */
    private void putLoop(int worker) {
        Random random = new Random(worker * 7919L);
        long intervalNanos = (long) (1e9 / putsPerSecondPerWorker);
        long next = System.nanoTime();
        while (budgetLeft()) {
            Target target = targets.get(random.nextInt(targets.size()));
            List<String> own = new ArrayList<>();
            for (int i = worker; i < target.putCases().size(); i += putWorkers) {
                own.add(target.putCases().get(i));
            }
            if (own.isEmpty()) {
                continue;
            }
            String caseRef = own.get(random.nextInt(own.size()));
            String question = questions.get(random.nextInt(questions.size()));
            String answer = Api.ANSWERS.get(random.nextInt(3));
            Slot slot = slots.computeIfAbsent(key(target.inspectionId(), caseRef, question), k -> new Slot());
            Http.Response response = api.putAnswer(target.inspectionId(), caseRef, question, answer);
            synchronized (slot) {
                if (response.ok()) {
                    slot.acked = answer;
                    slot.maybe.clear();
                    acked.incrementAndGet();
                } else {
                    slot.maybe.add(answer);
                    failed.incrementAndGet();
                }
            }
            if (!response.ok()) {
                pause(100); // the service is down: do not spin
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                pause(wait / 1_000_000);
            } else {
                next = System.nanoTime();
            }
        }
    }

    /** Fresh slots only: a batch's rows are never written again, so all-or-nothing can be checked exactly. */
    private void batchLoop() {
        Random random = new Random(42);
        int[] cursor = new int[targets.size()];
        int turn = 0;
        while (budgetLeft()) {
            int t = turn++ % targets.size();
            Target target = targets.get(t);
            int capacity = target.batchCases().size() * questions.size();
            if (cursor[t] + batchSize > capacity) {
                if (java.util.Arrays.stream(cursor).allMatch(c -> c + batchSize > capacity)) {
                    return; // every fresh slot used: the bounded batch load is over
                }
                continue;
            }
            List<Api.Row> rows = new ArrayList<>();
            for (int i = 0; i < batchSize; i++, cursor[t]++) {
                rows.add(new Api.Row(target.batchCases().get(cursor[t] / questions.size()),
                        questions.get(cursor[t] % questions.size()), Api.ANSWERS.get(random.nextInt(3))));
            }
            batchInFlight = true;
            Http.Response response = api.batch(target.inspectionId(), rows);
            batchInFlight = false;
            batches.add(new Batch(target.inspectionId(), rows, response.ok()));
            (response.ok() ? batchAcked : batchFailed).incrementAndGet();
            pause(response.ok() ? batchPauseMillis : Math.max(batchPauseMillis, 200));
        }
    }

    static String key(String inspectionId, String caseRef, String question) {
        return inspectionId + "|" + caseRef + "|" + question;
    }

    /** The outcome of checking the ledger against case-service's answers. */
    public record Verdict(long slotsChecked, long lost, long phantom, long batchesChecked, long partialBatches,
            long lostBatchRows, List<String> examples) {
    }

    /** @param answers per inspection: caseRef -> questionId -> answer, as case-service returns them */
    public Verdict verify(Map<String, Map<String, Map<String, String>>> answers) {
        long lost = 0, phantom = 0, partial = 0, lostRows = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Slot> entry : slots.entrySet()) {
            String[] k = entry.getKey().split("\\|");
            String actual = answers.getOrDefault(k[0], Map.of()).getOrDefault(k[1], Map.of()).get(k[2]);
            Slot slot = entry.getValue();
            synchronized (slot) {
                boolean possible = slot.maybe.contains(actual)
                        || (slot.acked != null ? slot.acked.equals(actual) : actual == null);
                if (!possible) {
                    if (slot.acked != null) {
                        lost++;
                    } else {
                        phantom++;
                    }
                    if (examples.size() < 10) {
                        examples.add(entry.getKey() + " acked=" + slot.acked + " maybe=" + slot.maybe + " actual=" + actual);
                    }
                }
            }
        }
        synchronized (batches) {
            for (Batch batch : batches) {
                int present = 0;
                for (Api.Row row : batch.rows()) {
                    String actual = answers.getOrDefault(batch.inspectionId(), Map.of())
                            .getOrDefault(row.caseRef(), Map.of()).get(row.questionId());
                    if (row.answer().equals(actual)) {
                        present++;
                    }
                }
                if (batch.acked() && present < batch.rows().size()) {
                    lostRows += batch.rows().size() - present;
                    if (examples.size() < 10) {
                        examples.add("acknowledged batch with " + present + " of " + batch.rows().size() + " rows");
                    }
                } else if (!batch.acked() && present != 0 && present != batch.rows().size()) {
                    partial++;
                    if (examples.size() < 10) {
                        examples.add("unacknowledged batch half there: " + present + " of " + batch.rows().size());
                    }
                }
            }
            return new Verdict(slots.size(), lost, phantom, batches.size(), partial, lostRows, examples);
        }
    }

    private static Thread named(String name, Runnable body) {
        Thread thread = new Thread(body, "load-" + name);
        thread.setDaemon(true);
        return thread;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
