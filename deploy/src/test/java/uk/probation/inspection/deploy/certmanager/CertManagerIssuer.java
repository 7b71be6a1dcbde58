package uk.probation.inspection.deploy.certmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** The part of cert-manager's {@code cert-manager.io/v1 Issuer} these manifests may use: self-signed and CA issuers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertManagerIssuer(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(Map<String, Object> selfSigned, Ca ca) {
    }

    public record Ca(String secretName) {
    }
}
