package uk.probation.inspection.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the services are written to (shared/docs/contract.md and the services' configuration):
 * the manifests must agree with it, and application.properties, where present, too.
 */
final class Facts {

    private Facts() {
    }

    static final String RATING_DEAD_LETTERS = "case-events.dlq.rating-service";
    static final String FEEDBACK_DEAD_LETTERS = "case-events.dlq.feedback-service";
    static final String RATING_FEEDBACK_DEAD_LETTERS = "feedback-events.dlq.rating-service";

    /** One service: its plain HTTP port (application.properties; not served in the cluster), its database, the topics it writes and reads, its consumer groups. */
    record ServiceFacts(String name, int httpPort, String cluster, String database, Set<String> writes,
            Set<String> reads, Set<String> groups, boolean consumer) {
    }

    static final List<ServiceFacts> SERVICES = List.of(
            new ServiceFacts("case-service", 8081, "case-db", "case_service",
                    Set.of("case-events"), Set.of(), Set.of(), false),
            new ServiceFacts("rating-service", 8082, "rating-db", "rating_service",
                    Set.of("inspection-ratings", "rating-changes", "published-ratings", RATING_DEAD_LETTERS,
                            RATING_FEEDBACK_DEAD_LETTERS),
                    Set.of("case-events", "feedback-events", RATING_DEAD_LETTERS, RATING_FEEDBACK_DEAD_LETTERS),
                    Set.of("rating-service", "rating-service-rebuild", "rating-service-dlq-replay"), true),
            new ServiceFacts("feedback-service", 8083, "feedback-db", "feedback_service",
                    Set.of("feedback-events", FEEDBACK_DEAD_LETTERS), Set.of("case-events", FEEDBACK_DEAD_LETTERS),
                    Set.of("feedback-service", "feedback-service-dlq-replay"), true));

    /** The topics of contract.md, and each consumer's dead-letter topic (docs/events.md). */
    static final Set<String> TOPICS = Set.of("case-events", "inspection-ratings", "rating-changes", "published-ratings",
            "feedback-events", RATING_DEAD_LETTERS, FEEDBACK_DEAD_LETTERS, RATING_FEEDBACK_DEAD_LETTERS);

    /**
     * The only topic readers outside the services may read (contract.md: "nothing about an unpublished
     * inspection ever appears here — it is the topic outside dashboards read").
     */
    static final String PUBLISHED_TOPIC = "published-ratings";

    /** Topics region dashboards read: the published one alone. */
    static final Set<String> DASHBOARD_TOPICS = Set.of(PUBLISHED_TOPIC);

    /** Live, provisional figures of unpublished inspections: only the services' own KafkaUsers may read them. */
    static final Set<String> INTERNAL_TOPICS = Set.of("inspection-ratings", "rating-changes");

    /** Compacted topics: the latest record per inspection id always stays. */
    static final Set<String> COMPACTED_TOPICS = Set.of("inspection-ratings", PUBLISHED_TOPIC);

    static final String DASHBOARD_USER = "dashboard-reader";

    static final Set<String> ROLES = Set.of("lead-inspector", "inspector", "viewer", "survey-ingest", "quality-assurance",
            "admin");

    static final String REALM = "probation-inspection";
    static final String AUDIENCE = "probation-inspection";
    static final String ROLE_CLAIM = "groups";

    static final int MANAGEMENT_PORT = 9000;

    /**
     * The port each service serves its API on inside the cluster, over HTTPS only (QUARKUS_HTTP_SSL_PORT; the plain
     * {@code httpPort} of application.properties is not served there: QUARKUS_HTTP_INSECURE_REQUESTS=disabled).
     */
    static final int HTTPS_PORT = 8443;

    /** Paths the management interface serves in the prod profile, by probe. */
    static final Map<String, String> PROBE_PATHS = Map.of(
            "liveness", "/q/health/live",
            "readiness", "/q/health/ready",
            "startup", "/q/health/started");

    static final String METRICS_PATH = "/q/metrics";

    /** Env names the services read (besides QUARKUS_* names Quarkus maps itself). */
    static final Set<String> REQUIRED_ENV = Set.of(
            "QUARKUS_PROFILE",
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG",
            "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID", "QUARKUS_OIDC_TOKEN_AUDIENCE",
            "QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH", "QUARKUS_LOG_CONSOLE_JSON_ENABLED");

    /** Metric names the alert rules must use (the services expose them). */
    static final Set<String> ALERT_METRICS = Set.of(
            "kafka_consumer_fetch_manager_records_lag_max", "outbox_oldest_age_seconds", "outbox_backlog_events",
            "http_server_requests_seconds_count", "kube_pod_status_ready", "pip_events_dead_lettered_total");

    static final String IMAGE_TAG = "0.1.0";

    static String image(String service) {
        return "probation-inspection/" + service;
    }

    static ServiceFacts service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
