package io.reconcraft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.Topics;
import io.reconcraft.messaging.MessagingProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compose broker's users and ACLs (infra/kafka/acls.conf) against the code: each service may read exactly
 * the topics its listeners read (and the compacted topics it reads whole), with its own consumer group, and
 * write only what it publishes.
 */
class KafkaAclsTest {

    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(topics\\s*=\\s*(\"[^\"]*\"|[A-Za-z_.]+)");
    private static final Pattern JAAS_USER = Pattern.compile("username=\"([a-z]+)\"");
    private static final Pattern BROKER_USER = Pattern.compile("user_([a-z]+)=");
    private static final Pattern ANCHOR_TOPIC_DEFAULT = Pattern.compile("anchorTopic\\.isBlank\\(\\) \\? \"([a-z.-]+)\"");
    /** The audit service's compacted topic of signed chain checkpoints (its default in AuditProperties). */
    private static final String AUDIT_ANCHORS = auditAnchorTopic();

    private final Compose compose = new Compose();
    private final List<String[]> acls = Repo.read(Repo.path("infra/kafka/acls.conf")).lines().map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.split("\\s+")).toList();

    @Test
    void givenTheTopicsFile_whenComparedWithTheCode_thenItHasEveryTopicWithTheDeclaredPartitions() {
        Map<String, Integer> declared = new LinkedHashMap<>();
        Map<String, Integer> compacted = new LinkedHashMap<>();
        Repo.read(Repo.path("infra/kafka/topics.conf")).lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.split("\\s+"))
                .forEach(fields -> (fields.length > 2 && fields[2].equals("compact") ? compacted : declared)
                        .put(fields[0], Integer.parseInt(fields[1])));
        int partitions = new MessagingProperties(null, null, null, null, null, null, null).partitions();
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(declared.values()).allMatch(count -> count == partitions);
        assertThat(compacted.keySet()).as("the topics the code declares compacted, with one partition and one key")
                .containsExactlyInAnyOrder(Topics.AUTHORIZED_TARGETS, AUDIT_ANCHORS);
        assertThat(compacted.values()).allMatch(count -> count == 1);
    }

    @Test
    void givenEachService_whenItsListenersAreRead_thenItsUserMayConsumeExactlyThoseTopicsInItsOwnGroup() {
        compose.moduleServices().forEach((module, name) -> {
            String user = saslUser(name);
            Set<String> listened = listenedTopics(module);
            Set<String> read = new TreeSet<>(listened);
            read.addAll(compactedTopicsReadWhole(module));
            assertThat(granted(user, "consume")).as(user + " (" + module + ") reads what its listeners read")
                    .containsExactlyInAnyOrderElementsOf(read);
            Map<?, ?> spring = (Map<?, ?>) Repo.yaml(Repo.applicationYml(module)).get("spring");
            assertThat(granted(user, "group")).as(user + " uses its service's consumer group")
                    .containsExactly(groupId(spring));
            Set<String> deadLetters = new TreeSet<>();
            listened.forEach(topic -> deadLetters.add(Topics.deadLetterOf(topic)));
            assertThat(granted(user, "produce")).as(user + " may dead-letter what it reads").containsAll(deadLetters);
        });
    }

    @Test
    void givenTheWriteGrants_whenRead_thenRunAndStepRequestsComeOnlyFromTheirOneProducer() {
        Set<String> everyTopic = new TreeSet<>(Topics.ALL);
        Topics.ALL.forEach(topic -> everyTopic.add(Topics.deadLetterOf(topic)));
        everyTopic.add(Topics.AUTHORIZED_TARGETS);
        everyTopic.add(AUDIT_ANCHORS);
        acls.stream().filter(acl -> acl[1].equals("consume") || acl[1].equals("produce"))
                .forEach(acl -> assertThat(everyTopic).as(String.join(" ", acl)).contains(acl[2]));
        assertThat(writers(Topics.RUN_REQUESTS)).containsExactly(saslUser("api-gateway"));
        assertThat(writers(Topics.TOOL_STEP_REQUESTS)).containsExactly(saslUser("run-orchestrator"));
        assertThat(writers(Topics.NOTIFIER_STEP_REQUESTS)).containsExactly(saslUser("run-orchestrator"));
        assertThat(writers(Topics.FINDINGS_STEP_REQUESTS)).containsExactly(saslUser("run-orchestrator"));
        assertThat(writers(Topics.AUTHORIZED_TARGETS)).as("only the gateway signs and publishes the allow-list")
                .containsExactly(saslUser("api-gateway"));
        assertThat(writers(AUDIT_ANCHORS)).containsExactly(saslUser("audit"));
        assertThat(writers(Topics.NOTIFICATION_REQUESTS)).containsExactly(saslUser("api-gateway"));
        assertThat(acls).as("only the gateway may describe every group (its lag metrics)")
                .filteredOn(acl -> acl[1].equals("monitor")).extracting(acl -> acl[0])
                .containsExactly(saslUser("api-gateway"));
        assertThat(granted(saslUser("tool-runner"), "produce")).doesNotContain(Topics.RUN_REQUESTS,
                Topics.TOOL_STEP_REQUESTS, Topics.NOTIFIER_STEP_REQUESTS, Topics.NOTIFICATION_REQUESTS, Topics.API_AUDIT);
    }

    @Test
    void givenTheBroker_whenItsUsersAreRead_thenEachServiceHasItsOwnUserAndNoUserIsUnused() {
        String brokerUsers = compose.environment("kafka").get("KAFKA_LISTENER_NAME_INTERNAL_PLAIN_SASL_JAAS_CONFIG");
        Set<String> users = new TreeSet<>();
        Matcher matcher = BROKER_USER.matcher(brokerUsers);
        while (matcher.find()) {
            users.add(matcher.group(1));
        }
        Set<String> serviceUsers = new TreeSet<>();
        compose.moduleServices().values().forEach(name -> serviceUsers.add(saslUser(name)));
        assertThat(serviceUsers).hasSize(compose.moduleServices().size());
        Set<String> expected = new TreeSet<>(serviceUsers);
        expected.add("admin");
        assertThat(users).isEqualTo(expected);
        assertThat(compose.environment("kafka")).containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin");
        compose.moduleServices().values().forEach(name -> assertThat(compose.environment(name))
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("RECONCRAFT_KAFKA_CREATE_TOPICS", "false"));
    }

    private String saslUser(String composeService) {
        String jaas = compose.environment(composeService).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        assertThat(jaas).as(composeService + " logs in to Kafka").isNotNull();
        Matcher matcher = JAAS_USER.matcher(jaas);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private Set<String> granted(String user, String permission) {
        Set<String> names = new TreeSet<>();
        acls.stream().filter(acl -> acl[0].equals(user) && acl[1].equals(permission)).forEach(acl -> names.add(acl[2]));
        return names;
    }

    private List<String> writers(String topic) {
        List<String> users = new ArrayList<>();
        acls.stream().filter(acl -> acl[1].equals("produce") && acl[2].equals(topic)).forEach(acl -> users.add(acl[0]));
        return users;
    }

    private static String groupId(Map<?, ?> spring) {
        Map<?, ?> kafka = (Map<?, ?>) spring.get("kafka");
        Object group = kafka.get("consumer.group-id");
        if (group == null && kafka.get("consumer") instanceof Map<?, ?> consumer) {
            group = consumer.get("group-id");
        }
        return String.valueOf(group);
    }

    /**
     * The compacted topics a service reads from start to end without a consumer group (no listener): the
     * allow-list through libs/messaging AuthorizedTargetsView, the audit anchors through the audit's own consumer.
     */
    private static Set<String> compactedTopicsReadWhole(String module) {
        String sources = String.join("\n", Repo.ownSources(module).stream().map(Repo::read).toList());
        Set<String> topics = new TreeSet<>();
        if (sources.contains("new AuthorizedTargetsView(")) {
            topics.add(Topics.AUTHORIZED_TARGETS);
        }
        if (sources.contains("partitionsFor(properties.anchorTopic()")) {
            topics.add(AUDIT_ANCHORS);
        }
        return topics;
    }

    private static String auditAnchorTopic() {
        Matcher matcher = ANCHOR_TOPIC_DEFAULT.matcher(
                Repo.read(Repo.path("services/audit/src/main/java/io/reconcraft/audit/config/AuditProperties.java")));
        if (!matcher.find()) {
            throw new AssertionError("cannot find the default anchor topic in the audit service's AuditProperties");
        }
        return matcher.group(1);
    }

    /** Topics named in the service's @KafkaListener annotations, resolved through libs/events Topics. */
    private static Set<String> listenedTopics(String module) {
        Set<String> topics = new LinkedHashSet<>();
        for (Path file : Repo.ownSources(module)) {
            Matcher matcher = LISTENER.matcher(Repo.read(file));
            while (matcher.find()) {
                String expression = matcher.group(1).trim();
                if (expression.contains("Topics).ALL")) {
                    topics.addAll(Topics.ALL);
                } else if (expression.startsWith("Topics.")) {
                    topics.add(constant(expression.substring("Topics.".length())));
                } else {
                    throw new AssertionError("cannot read the topics of a listener in " + file + ": " + expression);
                }
            }
        }
        return topics;
    }

    private static String constant(String field) {
        try {
            return (String) Topics.class.getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Topics has no constant " + field, e);
        }
    }
}
