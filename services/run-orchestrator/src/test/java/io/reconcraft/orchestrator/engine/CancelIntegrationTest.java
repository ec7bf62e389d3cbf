package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.support.RealBrokerTest;


import static io.reconcraft.orchestrator.support.Runs.GROUP;
import static io.reconcraft.orchestrator.support.Runs.WAIT;
import static io.reconcraft.orchestrator.support.Runs.awaitPayload;
import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.completed;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.RunCancelRequested;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Cancelling runs on the real broker; the test plays gateway and tool-runner. */
@OrchestratorSpringTest
class CancelIntegrationTest extends RealBrokerTest {

    private static final WorkflowSnapshot SCAN_THEN_PROBE = workflow().node("start", "start").node("nmap", "nmap")
            .node("probe", "http-probe").edge("start", "nmap").edge("nmap", "probe").build();

    @Autowired
    RunStore store;

    @Test
    void givenARunningScanAndAQueuedProbe_whenCancelled_thenTheScanGetsACancelSignalTheProbeNeverStartsAndTheRunEndsCancelled() {
        String runId = newRunId();
        tap.publish(runId, request(SCAN_THEN_PROBE));
        StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);

        tap.publish(runId, new RunCancelRequested("key-ops", "wrong targets"));

        StepCancelRequested signal = awaitPayload(tap, runId, StepCancelRequested.class, s -> true);
        assertThat(signal).isEqualTo(new StepCancelRequested(nmap.stepId(), "nmap", "nmap", 1,
                "run cancelled by key-ops: wrong targets"));
        StepCompleted probe = awaitPayload(tap, runId, StepCompleted.class, c -> c.nodeId().equals("probe"));
        assertThat(probe.status()).isEqualTo(RunStatus.FAILED);
        assertThat(probe.outcome()).isEqualTo(StepOutcome.CANCELLED);
        tap.publish(runId, completed(nmap, RunStatus.FAILED, "cancelled", List.of(), Map.of()));
        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        assertThat(done.outcome()).isEqualTo(StepOutcome.CANCELLED);
        assertThat(done.reason()).isEqualTo("run cancelled by key-ops: wrong targets");
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId).containsExactly("nmap");
        StepDocument storedProbe = store.find(runId).orElseThrow().step("probe").orElseThrow();
        assertThat(storedProbe.requestedAt()).isNull();
        assertThat(storedProbe.tasks()).isEmpty();
    }

    @Test
    void givenAnExecutorThatNeverConfirmsTheCancel_whenTheCancelGraceIsOver_thenTheOrchestratorEndsTheStepCancelled() {
        String runId = newRunId();
        tap.publish(runId, request(SCAN_THEN_PROBE));
        StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);

        tap.publish(runId, new RunCancelRequested("key-ops", null));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.outcome()).isEqualTo(StepOutcome.CANCELLED);
        assertThat(tap.payloadsOf(runId, StepCompleted.class)).filteredOn(c -> c.nodeId().equals("nmap"))
                .singleElement().satisfies(c -> {
                    assertThat(c.stepId()).isEqualTo(nmap.stepId());
                    assertThat(c.attempt()).isEqualTo(1);
                    assertThat(c.outcome()).isEqualTo(StepOutcome.CANCELLED);
                    assertThat(c.error()).contains("did not confirm the cancel");
                });
    }

    @Test
    void givenAFinishedRun_whenCancelled_thenNothingChangesAndNothingIsEmitted() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));
        tap.publish(runId, succeeded(awaitRequest(tap, runId, "nmap", 1), Map.of()));
        awaitRunCompleted(tap, runId, 1);
        RunDocument before = store.find(runId).orElseThrow();
        int eventsBefore = tap.eventsOf(runId).size();

        RecordMetadata cancel = tap.publish(runId, new RunCancelRequested("key-ops", "too late"));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, cancel));

        assertThat(store.find(runId).orElseThrow()).isEqualTo(before);
        assertThat(tap.eventsOf(runId)).hasSize(eventsBefore);
    }

    @Test
    void givenACancelDeliveredTwice_whenApplied_thenTheCancelSignalIsSentOnce() {
        String runId = newRunId();
        tap.publish(runId, request(SCAN_THEN_PROBE));
        StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);

        RecordMetadata first = tap.publish(runId, new RunCancelRequested("key-ops", "stop"));
        RecordMetadata second = tap.publish(runId, new RunCancelRequested("key-ops", "stop"));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, first) && tap.processed(GROUP, second));
        tap.publish(runId, completed(nmap, RunStatus.FAILED, "cancelled", List.of(), Map.of()));

        assertThat(awaitRunCompleted(tap, runId, 1).outcome()).isEqualTo(StepOutcome.CANCELLED);
        assertThat(tap.payloadsOf(runId, StepCancelRequested.class)).hasSize(1);
        assertThat(tap.payloadsOf(runId, RunCompleted.class)).hasSize(1);
    }
}
