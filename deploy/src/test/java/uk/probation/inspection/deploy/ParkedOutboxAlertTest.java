package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A parked outbox event (refused by the broker for good) never resolves by itself: every overlay alerts on the
 * first one, critically. MonitoringTest checks the rule is sound and documented like every other.
 */
class ParkedOutboxAlertTest {

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void anyParkedOutboxEventAlerts(String overlay) {
        List<Rule> rules = Overlays.render(overlay).all(PrometheusRule.class).stream()
                .flatMap(p -> p.getSpec().getGroups().stream()).flatMap(g -> g.getRules().stream())
                .filter(r -> "ProbationOutboxEventParked".equals(r.getAlert())).toList();
        assertEquals(1, rules.size(), overlay + ": one ProbationOutboxEventParked rule");
        assertEquals("max by (namespace, job) (outbox_parked_events) > 0", rules.get(0).getExpr().getStrVal());
        assertEquals("critical", rules.get(0).getLabels().get("severity"));
    }
}
