package uk.probation.inspection.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox backlog as metrics ({@code outbox_backlog_events}, {@code outbox_oldest_age_seconds}) and as
 * readiness detail. A backlog alone does not make the service unready: it still takes writes, which is the
 * point of the outbox.
 */
@Readiness
@ApplicationScoped
public class OutboxObservability implements HealthCheck {

    @Inject
    OutboxRelay relay;

    void registerMetrics(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("outbox.backlog.events", relay, OutboxRelay::backlog)
                .description("Outbox rows not yet published to Kafka").register(registry);
        Gauge.builder("outbox.oldest.age.seconds", relay, OutboxRelay::oldestAgeSeconds)
                .description("Age of the oldest unpublished outbox row").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up()
                .withData("backlog", relay.backlog())
                .withData("oldestAgeSeconds", (long) relay.oldestAgeSeconds())
                .withData("publishedSinceStart", relay.publishedSinceStart());
        if (relay.lastError() != null) {
            response.withData("relayPausedBy", relay.lastError());
        }
        return response.build();
    }
}
