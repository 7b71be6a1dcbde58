package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.probation.inspection.deploy.Facts.ServiceFacts;
import uk.probation.inspection.deploy.Pods.Pod;

/** Prometheus scrapes every service on its management port, and the alerts are sound and documented. */
class MonitoringTest {

    private static final Pattern LABEL_MATCH = Pattern.compile("(job|deployment)=~?\"([^\"]+)\"");

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceIsScrapedOnItsManagementPort(String overlay) {
        Rendered r = Overlays.render(overlay);
        for (ServiceFacts s : Facts.SERVICES) {
            Service service = r.get(Service.class, s.name());
            List<Endpoint> endpoints = new ArrayList<>();
            for (ServiceMonitor sm : r.all(ServiceMonitor.class)) {
                if (sm.getSpec().getNamespaceSelector() == null
                        && Selectors.matches(sm.getSpec().getSelector(), service.getMetadata().getLabels())) {
                    endpoints.addAll(sm.getSpec().getEndpoints());
                }
            }
            assertFalse(endpoints.isEmpty(), overlay + ": no ServiceMonitor selects Service " + s.name());
            for (Endpoint e : endpoints) {
                assertEquals("management", e.getPort(), overlay + " " + s.name() + ": scrape port");
                assertEquals(Facts.METRICS_PATH, e.getPath(), overlay + " " + s.name() + ": scrape path");
                assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> e.getPort().equals(p.getName())),
                        overlay + " " + s.name() + ": Service has no port " + e.getPort());
            }
        }
        for (ServiceMonitor sm : r.all(ServiceMonitor.class)) {
            List<Service> selected = r.all(Service.class).stream()
                    .filter(s -> Selectors.matches(sm.getSpec().getSelector(), s.getMetadata().getLabels())).toList();
            assertFalse(selected.isEmpty(), overlay + ": ServiceMonitor " + sm.getMetadata().getName() + " selects nothing");
            for (Endpoint e : sm.getSpec().getEndpoints()) {
                for (Service s : selected) {
                    assertTrue(s.getSpec().getPorts().stream().anyMatch(p -> e.getPort().equals(p.getName())),
                            overlay + ": ServiceMonitor " + sm.getMetadata().getName() + " scrapes port " + e.getPort()
                                    + ", which Service " + s.getMetadata().getName() + " lacks");
                }
            }
        }
        List<Pod> pods = Pods.of(r);
        for (PodMonitor pm : r.all(PodMonitor.class)) {
            List<Pod> selected = pods.stream().filter(p -> Selectors.matches(pm.getSpec().getSelector(), p.labels()))
                    .toList();
            assertFalse(selected.isEmpty(), overlay + ": PodMonitor " + pm.getMetadata().getName() + " selects nothing");
            for (PodMetricsEndpoint e : pm.getSpec().getPodMetricsEndpoints()) {
                assertTrue(selected.stream().anyMatch(p -> p.ports().containsKey(e.getPort())),
                        overlay + ": PodMonitor " + pm.getMetadata().getName() + " port " + e.getPort()
                                + " exists on none of its pods");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void alertsAreSoundAndDocumented(String overlay) throws IOException {
        Rendered r = Overlays.render(overlay);
        String readme = Files.readString(Paths.readme());
        List<Rule> alerts = r.all(PrometheusRule.class).stream()
                .flatMap(p -> p.getSpec().getGroups().stream()).flatMap(g -> g.getRules().stream())
                .filter(rule -> rule.getAlert() != null).toList();
        assertFalse(alerts.isEmpty(), overlay + ": no alert rules");
        StringBuilder allExpressions = new StringBuilder();
        Set<String> jobs = Set.copyOf(Facts.SERVICES.stream().map(ServiceFacts::name).toList());
        for (Rule alert : alerts) {
            String name = alert.getAlert();
            String where = overlay + " alert " + name;
            String expr = alert.getExpr().getStrVal();
            assertNotNull(expr, where + ": expr");
            allExpressions.append(expr).append('\n');
            assertTrue(balanced(expr), where + ": unbalanced brackets in " + expr);
            assertTrue(Set.of("warning", "critical").contains(alert.getLabels().get("severity")), where + ": severity");
            assertNotNull(alert.getFor(), where + ": no 'for' (would fire on one bad scrape)");
            for (String key : List.of("summary", "description", "runbook")) {
                assertNotNull(alert.getAnnotations().get(key), where + ": annotation " + key);
            }
            assertEquals("deploy/README.md#" + name.toLowerCase(), alert.getAnnotations().get("runbook"),
                    where + ": runbook link");
            assertTrue(readme.contains("\n### " + name + "\n"), where + ": README.md has no '### " + name + "' section");
            Matcher m = LABEL_MATCH.matcher(expr);
            while (m.find()) {
                for (String value : m.group(2).split("\\|")) {
                    if (m.group(1).equals("job")) {
                        assertTrue(jobs.contains(value) && r.find(Service.class, value).isPresent(),
                                where + ": job " + value + " is not a scraped Service");
                    } else {
                        assertTrue(r.find(Deployment.class, value).isPresent(), where + ": no Deployment " + value);
                    }
                }
            }
        }
        for (String metric : Facts.ALERT_METRICS) {
            assertTrue(allExpressions.toString().contains(metric), overlay + ": no alert on " + metric);
        }
    }

    private static boolean balanced(String expr) {
        String open = "([{";
        String close = ")]}";
        StringBuilder stack = new StringBuilder();
        boolean quoted = false;
        for (char ch : expr.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && open.indexOf(ch) >= 0) {
                stack.append(ch);
            } else if (!quoted && close.indexOf(ch) >= 0) {
                if (stack.isEmpty() || open.indexOf(stack.charAt(stack.length() - 1)) != close.indexOf(ch)) {
                    return false;
                }
                stack.setLength(stack.length() - 1);
            }
        }
        return stack.isEmpty() && !quoted;
    }
}
