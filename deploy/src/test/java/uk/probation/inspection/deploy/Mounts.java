package uk.probation.inspection.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;

/** Which Secret key a file in a container comes from, following volumeMounts, secret and projected volumes. */
final class Mounts {

    record SecretFile(String secret, String key) {
    }

    private Mounts() {
    }

    static Optional<SecretFile> secretFile(Deployment d, Container c, String path) {
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        for (VolumeMount m : c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
            String dir = m.getMountPath().endsWith("/") ? m.getMountPath() : m.getMountPath() + "/";
            if (!path.startsWith(dir) || m.getSubPath() != null) {
                continue;
            }
            String file = path.substring(dir.length());
            Volume v = pod.getVolumes().stream().filter(x -> x.getName().equals(m.getName())).findFirst().orElse(null);
            if (v == null) {
                continue;
            }
            if (v.getSecret() != null) {
                Optional<SecretFile> found = inItems(v.getSecret().getSecretName(), v.getSecret().getItems(), file);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (v.getProjected() != null) {
                for (VolumeProjection p : v.getProjected().getSources()) {
                    if (p.getSecret() != null) {
                        Optional<SecretFile> found = inItems(p.getSecret().getName(), p.getSecret().getItems(), file);
                        if (found.isPresent()) {
                            return found;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SecretFile> inItems(String secret, List<KeyToPath> items, String file) {
        if (items == null || items.isEmpty()) {
            // the whole Secret: each key is a file of that name
            return file.contains("/") ? Optional.empty() : Optional.of(new SecretFile(secret, file));
        }
        return items.stream().filter(i -> file.equals(i.getPath())).findFirst()
                .map(i -> new SecretFile(secret, i.getKey()));
    }
}
