package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.support.RealBrokerTest;


import static io.reconcraft.orchestrator.support.Runs.awaitPayload;
import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRequests;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.completed;
import static io.reconcraft.orchestrator.support.Runs.finding;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.TaskDocument;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A scan of several targets runs as one task per target, at most 2 at once (the test context's per-run cap). */
@OrchestratorSpringTest
class FanOutIntegrationTest extends RealBrokerTest {

    private static final List<String> TARGETS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");

    @Autowired
    RunStore store;

    @Test
    void givenAScanOfThreeTargets_whenRun_thenEachTargetIsATaskTwoRunAtOnceAndTheNodeEndsWithOneMergedResult() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("scan", "nmap", Map.of("targets", TARGETS))
                .node("probe", "http-probe").edge("start", "scan").edge("scan", "probe").build()));

        List<StepRequested> firstTwo = byStepId(awaitRequests(tap, runId, "scan", 2));
        assertThat(firstTwo).extracting(StepRequested::stepId).containsExactly(runId + ":scan:0", runId + ":scan:1");
        assertThat(firstTwo).extracting(StepRequested::targets).containsExactly(List.of("127.0.0.1"), List.of("127.0.0.2"));
        assertThat(firstTwo.get(0).config()).containsEntry("targets", List.of("127.0.0.1"));
        assertThat(store.find(runId).orElseThrow().step("scan").orElseThrow().tasks())
                .extracting(TaskDocument::status).containsExactly("running", "running", "queued");
        assertThat(tap.payloadsOf(runId, StepRequested.class)).hasSize(2);

        tap.publish(runId, completed(firstTwo.get(0), RunStatus.SUCCEEDED, null,
                List.of(finding("f1", Severity.HIGH, 23)), hosts("127.0.0.1")));
        StepRequested third = byStepId(awaitRequests(tap, runId, "scan", 3)).get(2);
        assertThat(third.stepId()).isEqualTo(runId + ":scan:2");
        assertThat(third.targets()).containsExactly("127.0.0.3");
        tap.publish(runId, completed(firstTwo.get(1), RunStatus.SUCCEEDED, null,
                List.of(finding("f2", Severity.LOW, 22)), hosts("127.0.0.2")));
        tap.publish(runId, succeeded(third, hosts("127.0.0.3")));

        StepCompleted merged = awaitPayload(tap, runId, StepCompleted.class, c -> c.stepId().equals(runId + ":scan"));
        assertThat(merged.nodeId()).isEqualTo("scan");
        assertThat(merged.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(merged.findings()).extracting(Finding::id).containsExactly("f1", "f2");
        assertThat((List<?>) merged.outputs().get("hosts")).hasSize(3);
        assertThat((List<?>) merged.outputs().get("tasks")).hasSize(3);
        StepRequested probe = awaitRequest(tap, runId, "probe", 1);
        assertThat(probe.stepId()).isEqualTo(runId + ":probe");
        assertThat((List<?>) probe.upstream().get(0).outputs().get("hosts")).hasSize(3);
        tap.publish(runId, succeeded(probe, Map.of("responses", List.of())));
        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.summary().findingsCount()).isEqualTo(2);
    }

    @Test
    void givenOneTaskOfAScanFails_whenAllTasksEnded_thenTheNodeFailsNamingTheTargetAndTheRunFails() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start")
                .node("scan", "nmap", Map.of("targets", TARGETS.subList(0, 2))).edge("start", "scan").build()));
        List<StepRequested> tasks = byStepId(awaitRequests(tap, runId, "scan", 2));

        tap.publish(runId, succeeded(tasks.get(0), hosts("127.0.0.1")));
        tap.publish(runId, completed(tasks.get(1), RunStatus.FAILED, "out_of_scope", List.of(), Map.of()));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        StepCompleted merged = awaitPayload(tap, runId, StepCompleted.class, c -> c.stepId().equals(runId + ":scan"));
        assertThat(merged.outcome()).isEqualTo(StepOutcome.OUT_OF_SCOPE);
        assertThat(merged.error()).startsWith("1 of 2 tasks failed: 127.0.0.2");
        assertThat((List<?>) merged.outputs().get("hosts")).hasSize(1);
    }

    /** Two dispatchers may publish in either order. */
    private static List<StepRequested> byStepId(List<StepRequested> requests) {
        return requests.stream().sorted(java.util.Comparator.comparing(StepRequested::stepId)).toList();
    }

    private static Map<String, Object> hosts(String address) {
        return Map.of("hosts", List.of(Map.of("address", address, "ports", List.of(Map.of("port", 80, "state", "open")))));
    }
}
