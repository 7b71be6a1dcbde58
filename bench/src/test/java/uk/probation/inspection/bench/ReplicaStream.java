package uk.probation.inspection.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.events.cases.InspectionPublished;
import uk.probation.inspection.events.cases.InspectionReopened;
import uk.probation.inspection.events.cases.TeamMemberAdded;
import uk.probation.inspection.events.cases.TeamMemberRemoved;

/**
 * case-events written straight to the topic (as case-service's relay writes them, docs/events.md), with a ledger of
 * what was sent: the answer, team and publication state rating-service must end up with. First a pre-fill (every
 * inspection opened, its cases registered, every question answered once), then a steady stream of answer changes,
 * team additions and removals, publications and reopenings, in the order case-service would allow (no answer to a
 * published inspection).
 */
final class ReplicaStream implements AutoCloseable {

    static final String LEAD = "bench-lead";

    /** What rating-service must hold for one inspection. */
    record Expected(Map<String, int[]> counts, Set<String> team, String status, List<Integer> versions) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final JsonNode framework;
    private final List<String> questions = new ArrayList<>();
    private final int cases;
    private final List<String> inspections = new ArrayList<>();
    // The ledger: written by one thread at a time (pre-fill, then the stream), read after it stopped.
    private final Map<String, Map<String, String>> answers = new HashMap<>(); // inspection -> case|question -> answer
    private final Map<String, Map<String, Integer>> versions = new HashMap<>();
    private final Map<String, Set<String>> team = new HashMap<>();
    private final Map<String, Integer> publicationVersion = new HashMap<>();
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private final Random random = new Random(14);
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    final AtomicLong sent = new AtomicLong();
    final Map<String, AtomicLong> sentByType = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    ReplicaStream(String bootstrap, Path root, int cases) throws Exception {
        this.producer = Kafka.producer(bootstrap, 5);
        this.framework = Http.JSON.readTree(Files.readString(CaseEventsGenerator.frameworkFile(root)));
        this.cases = cases;
        for (JsonNode domain : framework.path("domains")) {
            for (JsonNode standard : domain.path("standards")) {
                for (JsonNode question : standard.path("keyQuestions")) {
                    questions.add(question.path("id").asText());
                    question.path("prompts").forEach(p -> questions.add(p.path("id").asText()));
                }
            }
        }
    }

    List<String> inspections() {
        return inspections;
    }

    /** Opens {@code count} inspections, registers their cases and answers every question of every case once. */
    void prefill(int count) {
        for (int n = 1; n <= count; n++) {
            String id = UUID.randomUUID().toString();
            inspections.add(id);
            send(CaseEventsGenerator.opened(id, "Replica PDU " + n, framework, LEAD));
            team.put(id, new TreeSet<>(Set.of(LEAD)));
            send(new TeamMemberAdded(UUID.fromString(id), LEAD, "LEAD", null));
            answers.put(id, new HashMap<>());
            versions.put(id, new HashMap<>());
            publicationVersion.put(id, 0);
            for (int c = 1; c <= cases; c++) {
                send(CaseEventsGenerator.registered(id, caseRef(c), c, c % 2 == 0 ? "MALE" : "FEMALE"));
            }
            for (int c = 1; c <= cases; c++) {
                for (String question : questions) {
                    answer(id, caseRef(c), question);
                }
            }
        }
        producer.flush();
    }

    /** Starts the steady stream: {@code perSecond} events, about 84 % answers, 10 % team changes, 6 % publications. */
    void start(int perSecond) {
        running = true;
        thread = new Thread(() -> {
            long started = System.nanoTime();
            long n = 0;
            while (running) {
                long due = started + n * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    AnswerLoad.pause(wait / 1_000_000);
                    continue;
                }
                next();
                n++;
            }
        }, "replica-stream");
        thread.start();
    }

    /** Stops the stream; every event it sent is acknowledged by the broker when this returns. */
    void stop() throws Exception {
        running = false;
        if (thread != null) {
            thread.join();
        }
        producer.flush();
        if (sendFailure.get() != null) {
            throw sendFailure.get();
        }
    }

    private void next() {
        String id = inspections.get(random.nextInt(inspections.size()));
        double kind = random.nextDouble();
        if (kind < 0.06) {
            publicationChange(id);
        } else if (kind < 0.16) {
            teamChange(id);
        } else if (!published.contains(id)) {
            answer(id, caseRef(1 + random.nextInt(cases)), questions.get(random.nextInt(questions.size())));
        }
    }

    /** A first answer, or a change to another answer (version + 1), as case-service records them. */
    private void answer(String id, String caseRef, String question) {
        String slot = caseRef + "|" + question;
        String previous = answers.get(id).get(slot);
        int version = versions.get(id).getOrDefault(slot, 0) + 1;
        String answer = previous == null ? Api.ANSWERS.get(random.nextInt(3))
                : Api.ANSWERS.get((Api.ANSWERS.indexOf(previous) + 1 + random.nextInt(2)) % 3);
        send(new AnswerRecorded(UUID.fromString(id), caseRef, question, answer, previous, version, LEAD));
        answers.get(id).put(slot, answer);
        versions.get(id).put(slot, version);
    }

    private void teamChange(String id) {
        String member = "member-" + (1 + random.nextInt(3));
        if (team.get(id).remove(member)) {
            send(new TeamMemberRemoved(UUID.fromString(id), member));
        } else {
            team.get(id).add(member);
            send(new TeamMemberAdded(UUID.fromString(id), member, "INSPECTOR", null));
        }
    }

    private void publicationChange(String id) {
        int version = publicationVersion.get(id);
        if (published.remove(id)) {
            send(new InspectionReopened(UUID.fromString(id), LEAD, "More cases to read", version, null));
        } else {
            published.add(id);
            publicationVersion.put(id, version + 1);
            send(new InspectionPublished(UUID.fromString(id), LEAD, version + 1, OffsetDateTime.now(ZoneOffset.UTC),
                    false));
        }
    }

    private void send(CaseEvent event) {
        producer.send(CaseEventsGenerator.record(event), (metadata, e) -> {
            if (e != null) {
                sendFailure.compareAndSet(null, e);
            }
        });
        sent.incrementAndGet();
        sentByType.computeIfAbsent(uk.probation.inspection.events.Topic.typeOf(event), t -> new AtomicLong())
                .incrementAndGet();
    }

    /** The recount of what was sent to one inspection (call after {@link #stop()}). */
    Expected expected(String id) {
        Map<String, int[]> counts = new TreeMap<>();
        answers.get(id).forEach((slot, answer) -> counts.computeIfAbsent(slot.substring(slot.indexOf('|') + 1),
                q -> new int[3])[Api.ANSWERS.indexOf(answer)]++);
        List<Integer> all = new ArrayList<>();
        for (int v = 1; v <= publicationVersion.get(id); v++) {
            all.add(v);
        }
        return new Expected(counts, new TreeSet<>(team.get(id)), published.contains(id) ? "PUBLISHED" : "OPEN", all);
    }

    private static String caseRef(int c) {
        return String.format("R%03d", c);
    }

    @Override
    public void close() {
        running = false;
        producer.close();
    }
}
