package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The namespace enforces the {@code restricted} Pod Security Standard, and every pod template of the overlay meets
 * it (so the admission controller admits them): the checks of the restricted profile (Kubernetes 1.32) that a pod
 * spec can fail. Pods the operators create are theirs to make compliant (README, Install: Strimzi's restricted
 * pod security provider; CloudNativePG's pods comply as they are).
 */
class PodSecurityTest {

    /** Volume types the restricted profile allows. */
    static final Set<String> VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void namespaceEnforcesRestricted(String overlay) {
        Rendered r = Overlays.render(overlay);
        for (Namespace n : r.all(Namespace.class)) {
            Map<String, String> labels = n.getMetadata().getLabels();
            assertEquals("restricted", labels == null ? null : labels.get("pod-security.kubernetes.io/enforce"),
                    overlay + ": Namespace " + n.getMetadata().getName() + " does not enforce the restricted standard");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPodTemplateMeetsTheRestrictedStandard(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            String where = overlay + ": Deployment " + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                problems.add(where + ": host namespaces");
            }
            for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
                Map<String, Object> fields = StrictModel.MAPPER.convertValue(v, Map.class);
                fields.remove("name");
                if (!VOLUME_TYPES.containsAll(fields.keySet())) {
                    problems.add(where + ": volume " + v.getName() + " of type " + fields.keySet());
                }
            }
            if (psc != null && psc.getSysctls() != null && !psc.getSysctls().isEmpty()) {
                problems.add(where + ": sysctls");
            }
            List<Container> containers = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) {
                containers.addAll(pod.getInitContainers());
            }
            for (Container c : containers) {
                String cw = where + " container " + c.getName();
                SecurityContext sc = c.getSecurityContext();
                if (sc == null) {
                    problems.add(cw + ": no securityContext");
                    continue;
                }
                if (Boolean.TRUE.equals(sc.getPrivileged())) {
                    problems.add(cw + ": privileged");
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(cw + ": allowPrivilegeEscalation is not false");
                }
                Capabilities caps = sc.getCapabilities();
                if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
                    problems.add(cw + ": capabilities do not drop ALL");
                }
                if (caps != null && caps.getAdd() != null && !Set.of("NET_BIND_SERVICE").containsAll(caps.getAdd())) {
                    problems.add(cw + ": adds capabilities " + caps.getAdd());
                }
                Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : psc == null ? null : psc.getRunAsNonRoot();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    problems.add(cw + ": runAsNonRoot is not true");
                }
                Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : psc == null ? null : psc.getRunAsUser();
                if (user != null && user == 0) {
                    problems.add(cw + ": runs as uid 0");
                }
                SeccompProfile seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile()
                        : psc == null ? null : psc.getSeccompProfile();
                if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
                    problems.add(cw + ": seccomp profile is not RuntimeDefault or Localhost");
                }
                if (sc.getProcMount() != null && !"Default".equals(sc.getProcMount())) {
                    problems.add(cw + ": procMount " + sc.getProcMount());
                }
                for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                    if (p.getHostPort() != null && p.getHostPort() != 0) {
                        problems.add(cw + ": hostPort " + p.getHostPort());
                    }
                }
            }
        }
        ReferencesTest.assertNoProblems(problems);
    }
}
