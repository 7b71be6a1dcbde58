package uk.probation.inspection.cases.workspace;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the workspace links to rating-service (its pages are rating-service's: Kafka is the only link between services). */
@ConfigMapping(prefix = "pip.workspace")
public interface WorkspaceConfig {

    /** rating-service's public address as browsers reach it. */
    @WithDefault("http://127.0.0.1:8082")
    String ratingsUrl();
}
