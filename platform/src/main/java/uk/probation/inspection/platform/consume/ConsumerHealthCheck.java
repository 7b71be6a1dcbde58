package uk.probation.inspection.platform.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** {@link ConsumerHealth} on the liveness and readiness probes. */
@Liveness
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    @Inject
    ConsumerHealth consumers;

    @Override
    public HealthCheckResponse call() {
        return consumers.check();
    }
}
