package uk.probation.inspection.deploy.cnpg;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * The part of CloudNativePG's {@code postgresql.cnpg.io/v1 Cluster} that these manifests may use.
 * No Java model of CloudNativePG is published on Maven Central; this one is deliberately a
 * subset: a field outside it fails the parse (unknown property), so adding a field to the
 * manifests means adding it here after checking CloudNativePG's API reference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(
            String description,
            Integer instances,
            String imageName,
            String primaryUpdateStrategy,
            String primaryUpdateMethod,
            Boolean enableSuperuserAccess,
            Bootstrap bootstrap,
            Postgresql postgresql,
            Storage storage,
            Storage walStorage,
            ResourceRequirements resources,
            Affinity affinity,
            List<Plugin> plugins) {
    }

    public record Bootstrap(InitDb initdb) {
    }

    public record InitDb(String database, String owner, SecretRef secret) {
    }

    public record SecretRef(String name) {
    }

    public record Postgresql(Map<String, String> parameters, Synchronous synchronous,
            @JsonProperty("pg_hba") List<String> pgHba) {
    }

    public record Synchronous(String method, Integer number, String dataDurability) {
    }

    public record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    public record Affinity(Boolean enablePodAntiAffinity, String podAntiAffinityType, String topologyKey,
            Map<String, String> nodeSelector) {
    }

    public record Plugin(String name, Boolean enabled, Boolean isWALArchiver, Map<String, String> parameters) {
    }
}
