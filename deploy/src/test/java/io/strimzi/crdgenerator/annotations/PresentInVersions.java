package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Test-only declaration of the annotation that io.strimzi:api puts on the getters of properties
 * which exist only in some API versions (e.g. {@code KafkaClusterSpec#getReplicas()} is
 * {@code "v1beta2"} only). Strimzi does not publish the annotation's artifact, so without this
 * declaration the JVM silently drops the annotation; with it, {@code StrictModel} can tell that a
 * manifest uses a property which {@code kafka.strimzi.io/v1} no longer has.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface PresentInVersions {
    /** A version range: {@code v1beta2}, {@code v1+}, {@code v1alpha1-v1beta2}. */
    String value();
}
