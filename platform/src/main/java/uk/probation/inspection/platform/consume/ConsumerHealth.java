package uk.probation.inspection.platform.consume;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * A consumer that gave up (a transient failure outlasted its retry window, so its channel has failed and will take
 * nothing more) makes the process neither live nor ready: an orchestrator restarts it, and the restarted process
 * resumes from the last committed offsets (the inbox makes what it sees again harmless). Without this, a failed
 * channel could leave a process that answers readiness UP and consumes nothing.
 */
@ApplicationScoped
public class ConsumerHealth {

    private static final Logger LOG = Logger.getLogger(ConsumerHealth.class);

    private record GaveUp(Instant at, String why) {
    }

    private final Map<String, GaveUp> gaveUp = new ConcurrentHashMap<>();

    /** The consumer of {@code topic} has stopped for good: from now on this process asks to be restarted. */
    public void gaveUp(String topic, Throwable why) {
        LOG.errorf("The consumer of %s gave up after its retry window (%s): the process is no longer live, so it is"
                + " restarted; nothing is lost (offsets were not committed past what was applied)", topic, why);
        gaveUp.putIfAbsent(topic, new GaveUp(Instant.now(), why.toString()));
    }

    /** The {@code consumers} check of liveness and readiness. */
    public HealthCheckResponse check() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers").status(gaveUp.isEmpty());
        gaveUp.forEach((topic, g) -> response.withData(topic, "gave up at " + g.at() + ": " + g.why()));
        return response.build();
    }
}
