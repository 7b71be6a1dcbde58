package uk.probation.inspection.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.infra.JavaProcess;
import uk.probation.inspection.infra.Topics;

/**
 * Two rating-service instances (one consumer group, one database, as two Kubernetes replicas run): a rebuild on
 * the first while both keep applying a steady stream of answers, team changes and publications written straight to
 * case-events. Afterwards rating-service must hold exactly what was sent — every question's counts (through both
 * instances' API), every team, every inspection's status and publication versions (its database) — and neither
 * instance may have hit a deadlock.
 */
class RebuildWithReplicasIT {

    private static final int INSPECTIONS = 60;
    private static final int CASES = 20;
    private static final int EVENTS_PER_SECOND = 300;

    @Test
    void rebuildOnOneReplicaLosesNothingTheOtherApplies() throws Exception {
        Path runDir = Path.of("target", "rebuild-replicas-run", "run-" + System.currentTimeMillis()).toAbsolutePath();
        try (BenchSystem bench = BenchSystem.start(runDir, "replicas")) {
            JavaProcess second = null;
            try {
                BenchSystem.Instance b = bench.startSecondInstance(BenchSystem.RATING, runDir);
                second = b.process();
                run(bench, b.url(), runDir);
            } finally {
                if (second != null) {
                    second.stop(20);
                }
            }
        }
    }

    private void run(BenchSystem bench, String ratingB, Path runDir) throws Exception {
        String bootstrap = bench.bootstrapServers();
        try (ReplicaStream stream = new ReplicaStream(bootstrap, bench.root(), CASES)) {
            stream.prefill(INSPECTIONS);
            say("pre-filled " + stream.sent.get() + " events; waiting for both instances to apply them");
            awaitCommitted(bootstrap, Duration.ofSeconds(180));

            stream.start(EVENTS_PER_SECOND);
            AnswerLoad.pause(3_000);
            long before = stream.sent.get();
            long started = System.nanoTime();
            Http.Response rebuild = Api.rebuild(new Http(Duration.ofMinutes(5)), bench.url(BenchSystem.RATING), bench.admin);
            double seconds = (System.nanoTime() - started) / 1e9;
            say(String.format("POST /admin/rebuild on instance 1: %d after %.1f s, %d events sent meanwhile: %s",
                    rebuild.status(), seconds, stream.sent.get() - before, rebuild.body()));
            AnswerLoad.pause(4_000);
            stream.stop();
            say("stream stopped: " + stream.sent.get() + " events sent in all " + stream.sentByType);

            awaitCommitted(bootstrap, Duration.ofSeconds(120));
            List<String> differences = differences(bench, ratingB, stream);
            differences.stream().limit(20).forEach(d -> say("  " + d));
            String log1 = Files.readString(runDir.resolve("rating-service.log"));
            String log2 = Files.readString(runDir.resolve("rating-service-2.log"));
            say("instance 2 waited for the rebuild " + occurrences(log2, "waits for a rebuild") + " time(s); deadlocks: "
                    + occurrences(log1 + log2, "deadlock detected"));
            assertEquals(200, rebuild.status(), "the rebuild answered " + rebuild.body());
            assertTrue(differences.isEmpty(), differences.size() + " differences from the recount, e.g. "
                    + differences.stream().limit(5).toList());
            assertEquals(0, occurrences(log1 + log2, "deadlock detected"), "deadlocks in the rating-service logs");
        }
    }

    /** Waits until group rating-service has committed everything on case-events (i.e. applied it). */
    private static void awaitCommitted(String bootstrap, Duration limit) {
        var ends = Kafka.endOffsets(bootstrap, Topics.CASE_EVENTS);
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Kafka.committedBeyond(bootstrap, "rating-service", ends)) {
            assertTrue(System.nanoTime() < deadline, "rating-service did not commit up to " + ends + " within " + limit
                    + ": " + Kafka.committed(bootstrap, "rating-service"));
            AnswerLoad.pause(500);
        }
    }

    /** Every way rating-service differs from the recount of what was sent. */
    private static List<String> differences(BenchSystem bench, String ratingB, ReplicaStream stream) throws Exception {
        List<String> differences = new ArrayList<>();
        Api a = new Api(bench.http, bench.url(BenchSystem.CASE), bench.url(BenchSystem.RATING), bench.lead);
        Api b = new Api(bench.http, bench.url(BenchSystem.CASE), ratingB, bench.lead);
        Map<String, String> env = BenchSystem.environmentOf(bench.pid(BenchSystem.RATING));
        try (Connection db = DriverManager.getConnection(env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                env.get("QUARKUS_DATASOURCE_USERNAME"), env.get("QUARKUS_DATASOURCE_PASSWORD"))) {
            for (String id : stream.inspections()) {
                ReplicaStream.Expected expected = stream.expected(id);
                Api.Difference countsA = Api.compare(expected.counts(), a.ratingCounts(id));
                Api.Difference countsB = Api.compare(expected.counts(), b.ratingCounts(id));
                if (!countsA.none() || !countsB.none()) {
                    differences.add(id + " counts: instance 1 " + countsA + ", instance 2 " + countsB);
                }
                Set<String> team = new TreeSet<>(strings(db, "select username from team_member where inspection_id = ?", id));
                if (!team.equals(expected.team())) {
                    differences.add(id + " team " + team + ", sent " + expected.team());
                }
                List<String> status = strings(db, "select status from inspection where id = ?", id);
                if (!status.equals(List.of(expected.status()))) {
                    differences.add(id + " status " + status + ", sent " + expected.status());
                }
                List<String> versions = strings(db, "select version from publication where inspection_id = ? order by version", id);
                if (!versions.equals(expected.versions().stream().map(String::valueOf).toList())) {
                    differences.add(id + " publication versions " + versions + ", sent " + expected.versions());
                }
            }
        }
        return differences;
    }

    private static List<String> strings(Connection db, String sql, String id) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static long occurrences(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1L;
    }

    private static void say(String line) {
        System.out.println("[rebuild-replicas] " + line);
        System.out.flush();
    }
}
