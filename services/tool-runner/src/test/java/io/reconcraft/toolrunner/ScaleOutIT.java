package io.reconcraft.toolrunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.testing.EventTap;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two tool-runner instances in one consumer group, on the same Kafka broker and MongoDB-wire server,
 * share 20 demo steps: each step runs exactly once, and both instances run some.
 */
class ScaleOutIT {

    private static final String GROUP = "tool-runner-scale-out-" + UUID.randomUUID();
    private static final String DATABASE = "scale-out-" + UUID.randomUUID();
    private static final List<ConfigurableApplicationContext> runners = new ArrayList<>();
    private static EventTap tap;

    @BeforeAll
    static void startTwoRunners() {
        runners.add(startRunner("worker-a"));
        runners.add(startRunner("worker-b"));
        tap = new EventTap(RealInfrastructure.bootstrapServers(), List.of(Topics.RUN_EVENTS));
    }

    private static ConfigurableApplicationContext startRunner(String workerId) {
        // arguments, not properties(): application.yml would override default properties
        return new SpringApplicationBuilder(ToolRunnerApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + RealInfrastructure.bootstrapServers(),
                "--spring.mongodb.uri=" + RealInfrastructure.mongoUri(),
                "--spring.mongodb.database=" + DATABASE,
                "--spring.kafka.consumer.group-id=" + GROUP,
                "--server.port=0",
                "--reconcraft.toolrunner.worker-id=" + workerId);
    }

    @AfterAll
    static void stopRunners() {
        runners.forEach(ConfigurableApplicationContext::close);
        if (tap != null) {
            tap.close();
        }
    }

    /** Both instances are members of the group and each owns step-request partitions. */
    private static boolean bothRunnersOwnPartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.bootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            List<MemberDescription> members = new ArrayList<>(group.members());
            return members.size() == 2 && members.stream().allMatch(member -> member.assignment().topicPartitions()
                    .stream().anyMatch(partition -> partition.topic().equals(Topics.TOOL_STEP_REQUESTS)));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void givenTwoRunnersInOneGroup_when20StepsAreRequested_thenEachRunsExactlyOnceAndBothRunnersAreUsed() {
        await().atMost(Duration.ofSeconds(60)).until(ScaleOutIT::bothRunnersOwnPartitions);
        List<String> runIds = new ArrayList<>();
        List<String> stepIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // one run per step: runs are the partition key, so the steps spread over the partitions
            String runId = "scale-run-" + i + "-" + UUID.randomUUID();
            StepRequested step = new StepRequested(runId + ":nmap-1", "nmap-1", "nmap", "scan", Map.of("profile", "quick"),
                    List.of("10.0.0." + (i + 1)), RunMode.DEMO, AuthorizedScope.NONE, 1, 60, List.of());
            tap.publish(runId, step);
            runIds.add(runId);
            stepIds.add(step.stepId());
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> completedOf(runIds).size() >= 20);

        List<StepCompleted> completed = completedOf(runIds);
        assertThat(completed).extracting(StepCompleted::stepId).containsExactlyInAnyOrderElementsOf(stepIds);
        assertThat(completed).allSatisfy(done -> assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED));
        List<StepStarted> started = payloadsOf(runIds, StepStarted.class);
        assertThat(started).extracting(StepStarted::stepId).containsExactlyInAnyOrderElementsOf(stepIds);
        Set<String> workers = started.stream().map(StepStarted::worker).collect(Collectors.toSet());
        assertThat(workers).containsExactlyInAnyOrder("worker-a", "worker-b");
    }

    private static List<StepCompleted> completedOf(List<String> runIds) {
        return payloadsOf(runIds, StepCompleted.class);
    }

    private static <P> List<P> payloadsOf(List<String> runIds, Class<P> type) {
        return runIds.stream().flatMap(runId -> tap.eventsOf(runId).stream()).map(EventEnvelope::payload)
                .filter(type::isInstance).map(type::cast).toList();
    }
}
