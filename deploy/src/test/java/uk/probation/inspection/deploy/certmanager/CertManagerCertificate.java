package uk.probation.inspection.deploy.certmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * The part of cert-manager's {@code cert-manager.io/v1 Certificate} these manifests may use (fabric8 7.x
 * publishes no cert-manager model on Maven Central). A field outside it fails the parse, so adding one means
 * adding it here after checking cert-manager's API reference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertManagerCertificate(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(
            String secretName,
            String commonName,
            List<String> dnsNames,
            List<String> ipAddresses,
            Boolean isCA,
            String duration,
            String renewBefore,
            PrivateKey privateKey,
            List<String> usages,
            IssuerRef issuerRef) {
    }

    public record PrivateKey(String algorithm, Integer size, String encoding, String rotationPolicy) {
    }

    public record IssuerRef(String name, String kind, String group) {
    }
}
