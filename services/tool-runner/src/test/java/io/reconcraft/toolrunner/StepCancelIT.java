package io.reconcraft.toolrunner;

import io.reconcraft.events.model.StepOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.testing.SharedEventTap;
import io.reconcraft.testing.RealInfrastructure;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepExecutors;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.ToolBackend;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.DockerEngine;
import io.reconcraft.toolrunner.sandbox.SandboxException;
import io.reconcraft.toolrunner.sandbox.SandboxInvocation;
import io.reconcraft.toolrunner.sandbox.Sandboxes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cancelling a running step on the whole service (real Kafka, MongoDB-wire server and container engine).
 * The live "nmap" here is a test backend that sleeps in the testbox image through the real sandbox, so the
 * step runs for as long as the test needs it to.
 */
// closed after the class: a cached context would keep consuming step requests meant for other ITs
@DirtiesContext
@SpringBootTest(properties = {"reconcraft.toolrunner.worker-id=cancel-runner", "reconcraft.toolrunner.max-concurrent-steps=1"})
class StepCancelIT {

    @RegisterExtension
    static final SharedEventTap events = SharedEventTap.on(Topics.RUN_EVENTS);
    private static DockerEngine engine;

    @BeforeAll
    static void requireEngine() {
        engine = Sandboxes.requireEngine();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
        registry.add("reconcraft.toolrunner.docker-host", Sandboxes::dockerHost);
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            Sandboxes.close(engine);
        }
    }

    @TestConfiguration
    static class SleepingBackend {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ToolBackend sleepingLiveBackend(ContainerSandbox sandbox) {
            StepExecutor sleeper = context -> {
                try {
                    sandbox.run(new SandboxInvocation("testbox", Sandboxes.TESTBOX_IMAGE, List.of("sleep 600"),
                            "none", false, Duration.ofMinutes(5), context.runId(), context.step().stepId()), line -> { });
                    return StepResult.succeeded(List.of(), Map.of());
                } catch (SandboxException e) {
                    return StepResult.failed(e.outcome(), e.getMessage());
                }
            };
            return new ToolBackend(RunMode.LIVE, new StepExecutors().with(NodeKind.NMAP, sleeper));
        }
    }

    @Autowired
    private io.reconcraft.messaging.EventPublisher publisher;

    @Autowired
    private io.reconcraft.messaging.AuthorizedTargetsView allowList;

    private final String runId = "run-" + UUID.randomUUID();

    private StepRequested liveStep(String nodeId) {
        return new StepRequested(runId + ":" + nodeId, nodeId, "nmap", nodeId, Map.of(), List.of("127.0.0.1"),
                RunMode.LIVE, new AuthorizedScope(List.of("127.0.0.1/32")), 1, 600, List.of());
    }

    private List<Container> containersOf(String stepId) {
        return engine.control().listContainersCmd().withShowAll(true)
                .withLabelFilter(Sandboxes.labelFilter(stepId)).exec();
    }

    private StepCompleted awaitCompleted(String stepId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> events.tap().payloadsOf(runId, StepCompleted.class).stream()
                .filter(c -> c.stepId().equals(stepId)).toList(), done -> !done.isEmpty()).get(0);
    }

    @Test
    void givenARunningLiveStep_whenItsCancelArrives_thenItsContainerIsGoneAndItCompletesCancelled() {
        StepRequested step = liveStep("nmap-1");
        AllowList.authorize(publisher, allowList, "127.0.0.1/32");
        publisher.publish(runId, step);
        await().atMost(Duration.ofSeconds(60)).until(() -> containersOf(step.stepId()).stream()
                .anyMatch(c -> "running".equals(c.getState())));

        publisher.publish(runId, new StepCancelRequested(step.stepId(), step.nodeId(), "nmap", 1, "run cancelled by alice"));

        StepCompleted completed = awaitCompleted(step.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(completed.outcome()).isEqualTo(StepOutcome.CANCELLED);
        assertThat(completed.error()).isEqualTo("cancelled: run cancelled by alice");
        assertThat(containersOf(step.stepId())).isEmpty();
        assertThat(events.tap().payloadsOf(runId, StepStarted.class)).singleElement()
                .satisfies(started -> assertThat(started.worker()).isEqualTo("cancel-runner"));
    }

    @Test
    void givenACancelForAStepThisRunnerDoesNotHold_whenItArrives_thenItIsIgnoredAndTheRunnerKeepsWorking() {
        RecordMetadata cancel = events.tap().publish(runId, new StepCancelRequested(runId + ":nmap-9", "nmap-9", "nmap", 1, "late"));
        StepRequested demo = new StepRequested(runId + ":nmap-2", "nmap-2", "nmap", "scan", Map.of("profile", "quick"),
                List.of("10.0.0.5"), RunMode.DEMO, AuthorizedScope.NONE, 1, 60, List.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> events.tap().processed("tool-runner", cancel));
        publisher.publish(runId, demo);

        assertThat(awaitCompleted(demo.stepId()).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(events.tap().payloadsOf(runId, StepCompleted.class)).extracting(StepCompleted::stepId)
                .containsExactly(demo.stepId());
    }
}
