package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.probation.inspection.deploy.Facts.ServiceFacts;
import uk.probation.inspection.deploy.Overlays.Env;

/** Strimzi: KRaft cluster, one KafkaTopic per contract topic, one KafkaUser per service with exact ACLs. */
class KafkaTest {

    static List<String> overlays() {
        return Overlays.names();
    }

    static KafkaTopic topic(Rendered r, String name) {
        return r.all(KafkaTopic.class).stream().filter(t -> name.equals(topicName(t))).findFirst()
                .orElseThrow(() -> new AssertionError(r.overlay + ": no KafkaTopic for topic " + name));
    }

    static String topicName(KafkaTopic t) {
        return t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
    }

    static Kafka kafka(Rendered r) {
        List<Kafka> all = r.all(Kafka.class);
        assertEquals(1, all.size(), r.overlay + ": expected one Kafka cluster");
        return all.get(0);
    }

    static int nodes(Rendered r, ProcessRoles role) {
        String cluster = kafka(r).getMetadata().getName();
        return r.all(KafkaNodePool.class).stream()
                .filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(p -> p.getSpec().getRoles().contains(role))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    static int intConfig(Map<String, Object> config, String key, int fallback) {
        Object v = config == null ? null : config.get(key);
        return v == null ? fallback : Integer.parseInt(v.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void clusterIsKraftWithAuthorizationAndMatchesWhatServicesUse(String overlay) {
        Rendered r = Overlays.render(overlay);
        Kafka kafka = kafka(r);
        var spec = kafka.getSpec();
        assertTrue(spec.getZookeeper() == null, overlay + ": ZooKeeper is gone; KRaft only");
        int brokers = nodes(r, ProcessRoles.BROKER);
        int controllers = nodes(r, ProcessRoles.CONTROLLER);
        assertTrue(brokers >= 1, overlay + ": no broker node pool");
        assertTrue(controllers >= 1 && controllers % 2 == 1, overlay + ": KRaft needs an odd number of controllers, has "
                + controllers);
        assertTrue(spec.getKafka().getAuthorization() instanceof KafkaAuthorizationSimple,
                overlay + ": without simple authorization the KafkaUser ACLs are not enforced");
        Map<String, Object> config = spec.getKafka().getConfig();
        assertEquals("false", String.valueOf(config.get("auto.create.topics.enable")),
                overlay + ": topics must come from KafkaTopic resources only");
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertTrue(intConfig(config, key, 3) <= brokers, overlay + ": " + key + " exceeds the " + brokers + " brokers");
        }
        if (overlay.equals("prod")) {
            assertTrue(brokers >= 3, "prod: at least 3 brokers");
            assertTrue(controllers >= 3, "prod: at least 3 controllers");
            assertEquals(2, intConfig(config, "min.insync.replicas", 1), "prod: min.insync.replicas");
        }

        // every service's bootstrap address, security protocol and mechanism fit a listener
        String cluster = kafka.getMetadata().getName();
        for (ServiceFacts s : Facts.SERVICES) {
            String where = overlay + " " + s.name();
            Map<String, Env> env = Overlays.env(r, Overlays.container(r.get(Deployment.class, s.name())));
            String bootstrap = Overlays.literal(env, "KAFKA_BOOTSTRAP_SERVERS", where);
            String host = bootstrap.substring(0, bootstrap.lastIndexOf(':'));
            int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            assertEquals(cluster + "-kafka-bootstrap", host, where + ": bootstrap Service of Kafka " + cluster);
            GenericKafkaListener listener = spec.getKafka().getListeners().stream().filter(l -> l.getPort() == port)
                    .findFirst().orElseThrow(() -> new AssertionError(where + ": no listener on port " + port));
            assertTrue(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512,
                    where + ": listener " + listener.getName() + " is not SCRAM-SHA-512");
            assertEquals(listener.isTls() ? "SASL_SSL" : "SASL_PLAINTEXT",
                    Overlays.literal(env, "KAFKA_SECURITY_PROTOCOL", where), where + ": security protocol");
            assertEquals("SCRAM-SHA-512", Overlays.literal(env, "KAFKA_SASL_MECHANISM", where));
        }

        // kafka_consumergroup_lag and the topic metrics cover every topic of the contract
        if (kafka.getSpec().getKafkaExporter() != null) {
            String regex = kafka.getSpec().getKafkaExporter().getTopicRegex();
            for (String topic : Facts.TOPICS) {
                assertTrue(regex == null || topic.matches(regex), overlay + ": kafkaExporter topicRegex " + regex
                        + " leaves out " + topic);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContractTopicHasAKafkaTopic(String overlay) {
        Rendered r = Overlays.render(overlay);
        int brokers = nodes(r, ProcessRoles.BROKER);
        Set<String> defined = r.all(KafkaTopic.class).stream().map(KafkaTest::topicName).collect(Collectors.toSet());
        assertEquals(Facts.TOPICS, defined, overlay + ": KafkaTopics must be exactly the contract's topics");
        for (KafkaTopic t : r.all(KafkaTopic.class)) {
            String where = overlay + " topic " + topicName(t);
            int partitions = t.getSpec().getPartitions();
            int replicas = t.getSpec().getReplicas();
            int minIsr = intConfig(t.getSpec().getConfig(), "min.insync.replicas", 1);
            assertTrue(replicas <= brokers, where + ": " + replicas + " replicas on " + brokers + " brokers");
            assertTrue(minIsr <= replicas, where + ": min.insync.replicas above replicas");
            if (overlay.equals("prod")) {
                assertEquals(12, partitions, where + ": partitions");
                assertEquals(3, replicas, where + ": replicas");
                assertEquals(2, minIsr, where + ": min.insync.replicas (one broker may be down)");
            } else if (overlay.equals("dev")) {
                assertEquals(3, partitions, where + ": partitions");
                assertEquals(1, replicas, where + ": replicas");
            }
        }
        for (String compacted : Facts.COMPACTED_TOPICS) {
            var config = topic(r, compacted).getSpec().getConfig();
            assertTrue(String.valueOf(config.get("cleanup.policy")).contains("compact"),
                    overlay + ": " + compacted + " must be compacted");
        }
        var caseEvents = topic(r, "case-events").getSpec().getConfig();
        assertEquals("-1", String.valueOf(caseEvents.get("retention.ms")),
                overlay + ": case-events must be kept forever (rebuild)");
        assertFalse(String.valueOf(caseEvents.get("cleanup.policy")).contains("compact"),
                overlay + ": case-events must not be compacted (rebuild needs every event)");
    }

    /**
     * published-ratings (contract.md) is what outside dashboards read: it must be there in every overlay,
     * compacted and only compacted (the latest publication of every inspection stays, however old), with the
     * partitions, replicas and min.insync.replicas of inspection-ratings (so prod's HA patch reaches it too).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void publishedRatingsIsACompactedTopicLikeInspectionRatings(String overlay) {
        Rendered r = Overlays.render(overlay);
        KafkaTopic published = topic(r, Facts.PUBLISHED_TOPIC);
        KafkaTopic live = topic(r, "inspection-ratings");
        String where = overlay + " topic " + Facts.PUBLISHED_TOPIC;
        Map<String, Object> config = published.getSpec().getConfig();
        assertNotNull(config, where + ": no config");
        assertEquals("compact", String.valueOf(config.get("cleanup.policy")),
                where + ": cleanup.policy must be compact alone (delete would drop old inspections' publications)");
        assertNull(config.get("retention.ms"), where + ": retention.ms means nothing on a compacted topic");
        assertEquals(String.valueOf(live.getSpec().getConfig().get("min.compaction.lag.ms")),
                String.valueOf(config.get("min.compaction.lag.ms")), where + ": min.compaction.lag.ms");
        assertEquals(live.getSpec().getPartitions(), published.getSpec().getPartitions(), where + ": partitions");
        assertEquals(live.getSpec().getReplicas(), published.getSpec().getReplicas(), where + ": replicas");
        assertEquals(intConfig(live.getSpec().getConfig(), "min.insync.replicas", 1),
                intConfig(config, "min.insync.replicas", 1), where + ": min.insync.replicas");
        assertEquals(kafka(r).getMetadata().getName(), published.getMetadata().getLabels().get("strimzi.io/cluster"),
                where + ": strimzi.io/cluster");
    }

    /** (resource type, name) → operations a user is allowed, with Kafka's implications. */
    static boolean allows(KafkaUser user, String type, String name, AclOperation op) {
        var authz = user.getSpec().getAuthorization();
        if (!(authz instanceof KafkaUserAuthorizationSimple simple)) {
            return false;
        }
        boolean allowed = false;
        for (AclRule rule : simple.getAcls()) {
            if (!matches(rule, type, name)) {
                continue;
            }
            Set<AclOperation> ops = operations(rule);
            boolean grants = ops.contains(op) || ops.contains(AclOperation.ALL)
                    || op == AclOperation.DESCRIBE && (ops.contains(AclOperation.READ) || ops.contains(AclOperation.WRITE)
                    || ops.contains(AclOperation.DELETE) || ops.contains(AclOperation.ALTER));
            if (grants && rule.getType() == AclRuleType.DENY) {
                return false;
            }
            allowed |= grants;
        }
        return allowed;
    }

    private static Set<AclOperation> operations(AclRule rule) {
        Set<AclOperation> ops = EnumSet.noneOf(AclOperation.class);
        if (rule.getOperations() != null) {
            ops.addAll(rule.getOperations());
        }
        return ops;
    }

    private static boolean matches(AclRule rule, String type, String name) {
        if (rule.getHost() != null && !rule.getHost().equals("*")) {
            return false;
        }
        if (rule.getResource() instanceof AclRuleTopicResource t && type.equals("topic")) {
            return nameMatches(t.getName(), t.getPatternType(), name);
        }
        if (rule.getResource() instanceof AclRuleGroupResource g && type.equals("group")) {
            return nameMatches(g.getName(), g.getPatternType(), name);
        }
        return false;
    }

    private static boolean nameMatches(String pattern, AclResourcePatternType patternType, String name) {
        if (patternType == AclResourcePatternType.PREFIX) {
            return name.startsWith(pattern);
        }
        return pattern.equals("*") || pattern.equals(name);
    }

    /**
     * Every operation any ALLOW rule of the user grants on the resource, from any host, with what Kafka
     * implies (All: everything; Read, Write, Delete, Alter: Describe; AlterConfigs: DescribeConfigs). DENY
     * rules are ignored: for "may never" checks this errs on the side of failing.
     */
    @SuppressWarnings("deprecation")
    static Set<AclOperation> granted(KafkaUser user, String type, String name) {
        Set<AclOperation> ops = EnumSet.noneOf(AclOperation.class);
        if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple) || simple.getAcls() == null) {
            return ops;
        }
        for (AclRule rule : simple.getAcls()) {
            if (rule.getType() == AclRuleType.DENY) {
                continue;
            }
            boolean matches = rule.getResource() instanceof AclRuleTopicResource t && type.equals("topic")
                    && nameMatches(t.getName(), t.getPatternType(), name)
                    || rule.getResource() instanceof AclRuleGroupResource g && type.equals("group")
                    && nameMatches(g.getName(), g.getPatternType(), name);
            if (!matches) {
                continue;
            }
            ops.addAll(operations(rule));
            if (rule.getOperation() != null) {
                ops.add(rule.getOperation());
            }
        }
        if (ops.contains(AclOperation.ALL)) {
            ops.addAll(EnumSet.allOf(AclOperation.class));
        }
        if (ops.contains(AclOperation.READ) || ops.contains(AclOperation.WRITE) || ops.contains(AclOperation.DELETE)
                || ops.contains(AclOperation.ALTER)) {
            ops.add(AclOperation.DESCRIBE);
        }
        if (ops.contains(AclOperation.ALTERCONFIGS)) {
            ops.add(AclOperation.DESCRIBECONFIGS);
        }
        return ops;
    }

    static boolean isService(KafkaUser user) {
        return Facts.SERVICES.stream().anyMatch(s -> s.name().equals(user.getMetadata().getName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceHasAUserWithExactlyTheAclsItNeeds(String overlay) {
        Rendered r = Overlays.render(overlay);
        for (ServiceFacts s : Facts.SERVICES) {
            KafkaUser user = r.get(KafkaUser.class, s.name());
            String where = overlay + " KafkaUser " + s.name();
            assertTrue(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication,
                    where + ": authentication must be scram-sha-512 (the services use SCRAM-SHA-512)");
            Set<String> reads = new HashSet<>(s.reads());
            Set<String> writes = new HashSet<>(s.writes());
            Set<String> groups = new HashSet<>(s.groups());
            ServiceConfigurationTest.kafkaUse(s.name()).ifPresent(use -> {
                reads.addAll(use.reads());
                writes.addAll(use.writes());
                groups.addAll(use.groups());
            });
            for (String topic : Facts.TOPICS) {
                assertEquals(writes.contains(topic), allows(user, "topic", topic, AclOperation.WRITE),
                        where + ": Write on " + topic);
                assertEquals(reads.contains(topic), allows(user, "topic", topic, AclOperation.READ),
                        where + ": Read on " + topic);
            }
            for (String topic : writes) {
                assertTrue(allows(user, "topic", topic, AclOperation.DESCRIBE), where + ": Describe on " + topic);
                r.all(KafkaTopic.class).stream().filter(t -> topicName(t).equals(topic)).findFirst()
                        .orElseThrow(() -> new AssertionError(where + ": writes " + topic + ", which has no KafkaTopic"));
            }
            for (String topic : reads) {
                topic(r, topic);
            }
            for (String group : groups) {
                assertTrue(allows(user, "group", group, AclOperation.READ), where + ": Read on group " + group);
            }
            assertFalse(allows(user, "group", "some-other-group", AclOperation.READ),
                    where + ": may join groups that are not its own");
            assertNoClusterOrWildcardGrants(user, where);
        }
    }

    /** Topic names no dashboard may touch: every other contract topic, Kafka's own, and names a pattern could cover. */
    static Set<String> notForDashboards() {
        Set<String> names = new HashSet<>(Facts.TOPICS);
        names.removeAll(Facts.DASHBOARD_TOPICS);
        names.addAll(List.of("__consumer_offsets", "__transaction_state", "published-ratings-internal", "published",
                "ratings", "inspection-ratings-v2", "rating-changes-v2", "some-future-topic"));
        return names;
    }

    /**
     * The dashboards' user reads published-ratings and nothing else: only reading operations, Read and Describe
     * on published-ratings by its literal name, no operation at all on any other topic (inspection-ratings and
     * rating-changes carry unpublished, live figures; case-events case data), no topic pattern or wildcard that
     * covers another name, its own "dashboard-" consumer groups but none of the services' groups.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void dashboardUserReadsPublishedRatingsAndNothingElse(String overlay) {
        Rendered r = Overlays.render(overlay);
        KafkaUser user = r.get(KafkaUser.class, Facts.DASHBOARD_USER);
        String where = overlay + " KafkaUser " + Facts.DASHBOARD_USER;
        assertTrue(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication, where);
        assertTrue(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple,
                where + ": without simple authorization its ACLs are not what Strimzi applies");
        var acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
        Set<AclOperation> readOnly = EnumSet.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBECONFIGS);
        for (AclRule rule : acls) {
            assertTrue(readOnly.containsAll(operations(rule)), where + ": grants more than reading: " + rule.getOperations());
            assertNotNull(rule.getResource(), where);
            if (rule.getResource() instanceof AclRuleTopicResource t) {
                assertEquals(AclResourcePatternType.LITERAL, t.getPatternType() == null ? AclResourcePatternType.LITERAL
                        : t.getPatternType(), where + ": topic ACL " + t.getName() + " must name its topic literally");
                assertTrue(Facts.DASHBOARD_TOPICS.contains(t.getName()),
                        where + ": topic ACL on " + t.getName() + "; dashboards read only " + Facts.DASHBOARD_TOPICS);
            }
        }
        for (String topic : Facts.DASHBOARD_TOPICS) {
            assertTrue(allows(user, "topic", topic, AclOperation.READ), where + ": cannot read " + topic);
            assertTrue(allows(user, "topic", topic, AclOperation.DESCRIBE), where + ": cannot describe " + topic);
        }
        for (String topic : notForDashboards()) {
            Set<AclOperation> ops = granted(user, "topic", topic);
            assertTrue(ops.isEmpty(), where + ": may " + ops + " topic " + topic + "; it may read only "
                    + Facts.DASHBOARD_TOPICS);
        }
        assertTrue(allows(user, "group", "dashboard-london", AclOperation.READ), where + ": dashboard- groups");
        for (ServiceFacts s : Facts.SERVICES) {
            for (String group : s.groups()) {
                Set<AclOperation> ops = granted(user, "group", group);
                assertTrue(ops.isEmpty(), where + ": may " + ops + " " + s.name() + "'s consumer group " + group);
            }
        }
        assertNoClusterOrWildcardGrants(user, where);
    }

    /**
     * inspection-ratings and rating-changes are internal: no KafkaUser but the services' may read (or describe)
     * them, and those only as Facts and the services' configuration say (today none:
     * everyServiceHasAUserWithExactlyTheAclsItNeeds). That holds only when ACLs are the only way in: simple
     * authorization, no super users, no "allow everyone when no ACL", every listener authenticated.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noUserButTheServicesReadsTheInternalTopics(String overlay) {
        Rendered r = Overlays.render(overlay);
        var kafkaSpec = kafka(r).getSpec().getKafka();
        assertTrue(kafkaSpec.getAuthorization() instanceof KafkaAuthorizationSimple, overlay + ": simple authorization");
        List<String> superUsers = ((KafkaAuthorizationSimple) kafkaSpec.getAuthorization()).getSuperUsers();
        assertTrue(superUsers == null || superUsers.isEmpty(), overlay + ": super users bypass every ACL: " + superUsers);
        Object allowEveryone = kafkaSpec.getConfig() == null ? null : kafkaSpec.getConfig().get("allow.everyone.if.no.acl.found");
        assertFalse("true".equalsIgnoreCase(String.valueOf(allowEveryone)),
                overlay + ": allow.everyone.if.no.acl.found opens topics without ACLs to anyone");
        for (GenericKafkaListener l : kafkaSpec.getListeners()) {
            assertNotNull(l.getAuth(), overlay + ": listener " + l.getName() + " lets clients in unauthenticated");
        }
        List<KafkaUser> users = r.all(KafkaUser.class);
        assertTrue(users.stream().anyMatch(u -> Facts.DASHBOARD_USER.equals(u.getMetadata().getName())),
                overlay + ": no KafkaUser " + Facts.DASHBOARD_USER);
        for (KafkaUser user : users) {
            String name = user.getMetadata().getName();
            for (String topic : Facts.INTERNAL_TOPICS) {
                Set<AclOperation> ops = granted(user, "topic", topic);
                if (isService(user)) {
                    assertEquals(Facts.service(name).reads().contains(topic), ops.contains(AclOperation.READ),
                            overlay + " KafkaUser " + name + ": Read on internal topic " + topic);
                } else {
                    assertFalse(ops.contains(AclOperation.READ) || ops.contains(AclOperation.DESCRIBE),
                            overlay + " KafkaUser " + name + " is not a service but may " + ops + " internal topic " + topic);
                }
            }
        }
    }

    /** rating-service writes published-ratings; no other KafkaUser may write to it (nor to the internal topics). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyRatingServiceWritesPublishedRatings(String overlay) {
        Rendered r = Overlays.render(overlay);
        KafkaUser rating = r.get(KafkaUser.class, "rating-service");
        assertTrue(allows(rating, "topic", Facts.PUBLISHED_TOPIC, AclOperation.WRITE),
                overlay + ": rating-service cannot write " + Facts.PUBLISHED_TOPIC);
        assertTrue(allows(rating, "topic", Facts.PUBLISHED_TOPIC, AclOperation.DESCRIBE),
                overlay + ": rating-service cannot describe " + Facts.PUBLISHED_TOPIC);
        Set<String> ratingTopics = new HashSet<>(Facts.INTERNAL_TOPICS);
        ratingTopics.add(Facts.PUBLISHED_TOPIC);
        for (KafkaUser user : r.all(KafkaUser.class)) {
            if (user.getMetadata().getName().equals("rating-service")) {
                continue;
            }
            for (String topic : ratingTopics) {
                Set<AclOperation> ops = granted(user, "topic", topic);
                assertFalse(ops.contains(AclOperation.WRITE) || ops.contains(AclOperation.DELETE),
                        overlay + " KafkaUser " + user.getMetadata().getName() + " may " + ops + " " + topic
                                + ", which only rating-service writes");
            }
        }
    }

    private static void assertNoClusterOrWildcardGrants(KafkaUser user, String where) {
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            assertTrue(rule.getResource() instanceof AclRuleTopicResource || rule.getResource() instanceof AclRuleGroupResource,
                    where + ": only topic and group ACLs are expected, found " + rule.getResource().getType());
            String name = rule.getResource() instanceof AclRuleTopicResource t ? t.getName()
                    : ((AclRuleGroupResource) rule.getResource()).getName();
            assertFalse(name.equals("*"), where + ": wildcard ACL");
            assertFalse(operations(rule).contains(AclOperation.ALL), where + ": ACL grants All");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesMayReachTheBrokers(String overlay) {
        Rendered r = Overlays.render(overlay);
        Kafka kafka = kafka(r);
        for (ServiceFacts s : Facts.SERVICES) {
            Deployment d = r.get(Deployment.class, s.name());
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            for (GenericKafkaListener l : kafka.getSpec().getKafka().getListeners()) {
                var peers = l.getNetworkPolicyPeers();
                boolean allowed = peers == null || peers.isEmpty() || peers.stream().anyMatch(p ->
                        p.getNamespaceSelector() == null && p.getIpBlock() == null
                                && Selectors.matches(p.getPodSelector(), labels));
                assertTrue(allowed, overlay + ": listener " + l.getName() + " networkPolicyPeers exclude " + s.name());
            }
        }
    }
}
