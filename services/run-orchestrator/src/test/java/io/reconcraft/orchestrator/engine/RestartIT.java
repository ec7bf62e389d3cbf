package io.reconcraft.orchestrator.engine;

import io.reconcraft.testing.EventTap;
import io.reconcraft.testing.RealInfrastructure;

import static io.reconcraft.orchestrator.support.Runs.GROUP;
import static io.reconcraft.orchestrator.support.Runs.WAIT;
import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.completed;
import static io.reconcraft.orchestrator.support.Runs.finding;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.OrchestratorApplication;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The orchestrator stops in the middle of a run — after it requested a step, before that step's result —
 * and a new one starts on the same broker and database: the run continues from the stored state and the
 * committed offsets, finishes, and a duplicate of a result it already applied changes nothing.
 * (A stop here is a context close; a SIGKILL of the packaged jar belongs to the end-to-end suite.)
 * An *IT, so failsafe runs it in a JVM of its own: no cached test context of another class may sit in
 * the same consumer group and keep the run going while "the" orchestrator is down.
 */
class RestartIT {

    @Test
    void givenTheOrchestratorStopsBetweenAStepRequestAndItsResult_whenANewOneStarts_thenTheRunContinuesAndFinishesOnce() {
        String runId = newRunId();
        ConfigurableApplicationContext first = startOrchestrator();
        try (EventTap tap = new EventTap(RealInfrastructure.bootstrapServers(),
                List.of(Topics.RUN_EVENTS, Topics.TOOL_STEP_REQUESTS))) {
            tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap")
                    .node("wait", "delay", Map.of("duration", 1)).node("probe", "http-probe")
                    .edge("start", "nmap").edge("nmap", "wait").edge("wait", "probe").build()));
            StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);

            first.close();
            StepCompleted nmapResult = completed(nmap, RunStatus.SUCCEEDED, null,
                    List.of(finding("f1", Severity.HIGH, 23)), Map.of("ports", List.of(23)));
            tap.publish(runId, nmapResult);
            ConfigurableApplicationContext second = startOrchestrator();
            try {
                StepRequested probe = awaitRequest(tap, runId, "probe", 1);
                tap.publish(runId, succeeded(probe, Map.of("responses", List.of())));
                RunCompleted done = awaitRunCompleted(tap, runId, 1);
                assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(done.summary().findingsCount()).isEqualTo(1);

                RunStore store = second.getBean(RunStore.class);
                RunDocument before = store.find(runId).orElseThrow();
                int eventsBefore = tap.eventsOf(runId).size();
                RecordMetadata duplicate = tap.publish(runId, nmapResult);
                await().atMost(WAIT).until(() -> tap.processed(GROUP, duplicate));

                assertThat(store.find(runId).orElseThrow()).isEqualTo(before);
                assertThat(tap.eventsOf(runId)).hasSize(eventsBefore + 1);
                assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId)
                        .containsExactly("nmap", "probe");
                assertThat(tap.payloadsOf(runId, RunCompleted.class)).hasSize(1);
            } finally {
                second.close();
            }
        } finally {
            first.close();
        }
    }

    @Test
    void givenRunsQueuedBehindTheLimit_whenTheOrchestratorRestarts_thenTheNewOneAdmitsThemFromTheStore() {
        // what the gateway names runs by: ObjectIds' hex strings, which the store keeps as ObjectIds
        List<String> runIds = List.of(new ObjectId().toHexString(), new ObjectId().toHexString(),
                new ObjectId().toHexString());
        Map<String, Object> oneAtATime = Map.of("reconcraft.orchestrator.max-active-runs", 1,
                "spring.mongodb.database", "restart-queued");
        WorkflowSnapshot scan = workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build();
        ConfigurableApplicationContext first = startOrchestrator(oneAtATime);
        try (EventTap tap = new EventTap(RealInfrastructure.bootstrapServers(),
                List.of(Topics.RUN_EVENTS, Topics.TOOL_STEP_REQUESTS))) {
            runIds.forEach(runId -> tap.publish(runId, request(scan)));
            RunStore firstStore = first.getBean(RunStore.class);
            await().atMost(WAIT).until(() -> runIds.stream().allMatch(runId -> firstStore.find(runId).isPresent()));
            String admitted = runIds.stream().filter(runId -> !tap.payloadsOf(runId, StepRequested.class).isEmpty())
                    .findFirst().orElseGet(() -> awaitAnyRequest(tap, runIds));

            first.close();
            ConfigurableApplicationContext second = startOrchestrator(oneAtATime);
            try {
                tap.publish(admitted, succeeded(awaitRequest(tap, admitted, "nmap", 1), Map.of()));
                for (int i = 1; i < runIds.size(); i++) {
                    String next = awaitAnyRequest(tap, runIds.stream()
                            .filter(runId -> tap.payloadsOf(runId, RunCompleted.class).isEmpty()
                                    && !runId.equals(admitted)).toList());
                    tap.publish(next, succeeded(awaitRequest(tap, next, "nmap", 1), Map.of()));
                    awaitRunCompleted(tap, next, 1);
                }

                runIds.forEach(runId -> assertThat(awaitRunCompleted(tap, runId, 1).status())
                        .isEqualTo(RunStatus.SUCCEEDED));
                runIds.forEach(runId -> assertThat(tap.payloadsOf(runId, StepRequested.class)).hasSize(1));
            } finally {
                second.close();
            }
        } finally {
            first.close();
        }
    }

    /** The first of these runs whose scan is requested. */
    private static String awaitAnyRequest(EventTap tap, List<String> runIds) {
        await().atMost(WAIT).until(() -> runIds.stream()
                .anyMatch(runId -> !tap.payloadsOf(runId, StepRequested.class).isEmpty()));
        return runIds.stream().filter(runId -> !tap.payloadsOf(runId, StepRequested.class).isEmpty()).findFirst()
                .orElseThrow();
    }

    private static ConfigurableApplicationContext startOrchestrator() {
        return startOrchestrator(Map.of());
    }

    private static ConfigurableApplicationContext startOrchestrator(Map<String, Object> overrides) {
        // Command-line arguments, not builder "properties": those are defaults, which application.yml's
        // own values (the local broker and database) would override.
        Map<String, Object> properties = new java.util.HashMap<>(RealInfrastructure.properties());
        properties.putAll(overrides);
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(OrchestratorApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("spring.main.banner-mode", "off"))
                .run(arguments);
    }
}
