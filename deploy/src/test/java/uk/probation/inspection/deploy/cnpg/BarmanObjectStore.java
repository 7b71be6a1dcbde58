package uk.probation.inspection.deploy.cnpg;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Subset of the Barman Cloud plugin's {@code barmancloud.cnpg.io/v1 ObjectStore}
 * (see {@link CnpgCluster} for why it is a subset).
 */
public record BarmanObjectStore(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(String retentionPolicy, Configuration configuration) {
    }

    public record Configuration(String destinationPath, String endpointURL, S3Credentials s3Credentials,
            Compression wal, Compression data) {
    }

    public record S3Credentials(SecretKey accessKeyId, SecretKey secretAccessKey, SecretKey region,
            SecretKey sessionToken, Boolean inheritFromIAMRole) {
    }

    public record SecretKey(String name, String key) {
    }

    public record Compression(String compression, Integer maxParallel) {
    }
}
