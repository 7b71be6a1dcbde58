package uk.probation.inspection.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox backlog as metrics ({@code outbox_backlog_events}, {@code outbox_oldest_age_seconds}) and as
 * readiness detail. A backlog alone does not make the service unready: it still takes writes, which is the
 * point of the outbox. Nor do parked rows (refused by the broker for good, see OutboxParking): they need an
 * operator, not a restart, so they are shown ({@code outbox_parked_events}, {@code outbox_held_events},
 * {@code outbox_parked_total}, the detail below) and alerted on, while the service stays ready.
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
        Gauge.builder("outbox.parked.events", relay, OutboxRelay::parked)
                .description("Outbox rows the broker refused for good, set aside until an operator acts").register(registry);
        Gauge.builder("outbox.held.events", relay, OutboxRelay::held)
                .description("Outbox rows waiting behind a parked row of their key (inspection)").register(registry);
        FunctionCounter.builder("outbox.parked", relay, OutboxRelay::parkedSinceStart)
                .description("Outbox rows this process parked").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up()
                .withData("backlog", relay.backlog())
                .withData("oldestAgeSeconds", (long) relay.oldestAgeSeconds())
                .withData("publishedSinceStart", relay.publishedSinceStart())
                .withData("parked", relay.parked())
                .withData("heldBehindParked", relay.held());
        if (relay.lastError() != null) {
            response.withData("relayPausedBy", relay.lastError());
        }
        return response.build();
    }
}
