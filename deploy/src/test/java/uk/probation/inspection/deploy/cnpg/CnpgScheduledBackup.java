package uk.probation.inspection.deploy.cnpg;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** Subset of CloudNativePG's {@code postgresql.cnpg.io/v1 ScheduledBackup} (see {@link CnpgCluster}). */
public record CnpgScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(String schedule, Boolean immediate, Boolean suspend, String backupOwnerReference,
            ClusterRef cluster, String method, String target, PluginConfiguration pluginConfiguration) {
    }

    public record ClusterRef(String name) {
    }

    public record PluginConfiguration(String name, java.util.Map<String, String> parameters) {
    }
}
