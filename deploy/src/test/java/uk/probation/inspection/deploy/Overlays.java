package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;

/** Shared by the tests that need rendered overlays. */
final class Overlays {

    private static final Optional<Path> KUBECTL = Kubectl.find();

    private Overlays() {
    }

    /** Parameter source: every overlay under overlays/ (dev and prod at least). */
    static List<String> names() {
        List<String> names = Paths.overlays();
        assertTrue(names.containsAll(List.of("dev", "prod")), "overlays dev and prod must exist, found " + names);
        return names;
    }

    /**
     * Renders (once per JVM) with kubectl kustomize. kubectl is required everywhere, not only in CI: a check that
     * skips where kubectl is missing passes without having looked at the manifests.
     */
    static Rendered render(String overlay) {
        Assertions.assertTrue(KUBECTL.isPresent(), () -> "cannot render overlays/" + overlay + ": " + Kubectl.MISSING);
        return Rendered.of(KUBECTL.get(), overlay);
    }

    /** Where an environment variable of a container comes from. */
    record Env(String name, String value, String configMap, String secret, String key) {
    }

    /** The container's environment: explicit env entries and every key of envFrom ConfigMaps. */
    static Map<String, Env> env(Rendered r, Container c) {
        Map<String, Env> env = new LinkedHashMap<>();
        if (c.getEnvFrom() != null) {
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    String name = from.getConfigMapRef().getName();
                    ConfigMap cm = r.find(ConfigMap.class, name)
                            .orElseThrow(() -> new AssertionError(r.overlay + ": " + c.getName()
                                    + " reads env from ConfigMap " + name + ", which is not defined"));
                    String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                    cm.getData().forEach((k, v) -> env.put(prefix + k, new Env(prefix + k, v, name, null, k)));
                }
                if (from.getSecretRef() != null) {
                    throw new AssertionError(r.overlay + ": " + c.getName() + " uses envFrom secretRef "
                            + from.getSecretRef().getName() + ": name the keys one by one (secretKeyRef)");
                }
            }
        }
        if (c.getEnv() != null) {
            for (EnvVar e : c.getEnv()) {
                if (e.getValueFrom() == null) {
                    env.put(e.getName(), new Env(e.getName(), e.getValue(), null, null, null));
                } else if (e.getValueFrom().getSecretKeyRef() != null) {
                    var ref = e.getValueFrom().getSecretKeyRef();
                    env.put(e.getName(), new Env(e.getName(), null, null, ref.getName(), ref.getKey()));
                } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = e.getValueFrom().getConfigMapKeyRef();
                    String value = r.find(ConfigMap.class, ref.getName()).map(cm -> cm.getData().get(ref.getKey()))
                            .orElse(null);
                    env.put(e.getName(), new Env(e.getName(), value, ref.getName(), null, ref.getKey()));
                } else {
                    env.put(e.getName(), new Env(e.getName(), null, null, null, null));
                }
            }
        }
        return env;
    }

    static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        return containers.stream().filter(c -> c.getName().equals(d.getMetadata().getName())).findFirst()
                .orElse(containers.get(0));
    }

    static String literal(Map<String, Env> env, String name, String where) {
        Env e = env.get(name);
        if (e == null || e.value() == null) {
            throw new AssertionError(where + ": " + name + " is not set to a value");
        }
        return e.value();
    }
}
