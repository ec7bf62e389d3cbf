package io.reconcraft.orchestrator.engine;

import io.reconcraft.orchestrator.support.RealBrokerTest;

import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRequests;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The hot path needs no poller: with every periodic pass an hour apart, a run still goes from step to
 * step (a fan-out step, a single-task step, a join) because each result dispatches what it made ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "reconcraft.orchestrator.task-poll-interval=1h",
        "reconcraft.orchestrator.delay-poll-interval=1h",
        "reconcraft.orchestrator.timeout-sweep-interval=1h"})
@DirtiesContext
class DirectDispatchIntegrationTest extends RealBrokerTest {

    @Autowired
    RunStore store;

    @Test
    void givenNoPollerRunsDuringTheRun_whenEveryToolSucceeds_thenEachReadyStepIsRequestedByTheResultBeforeIt() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start")
                .node("scan", "nmap", Map.of("targets", List.of("127.0.0.1", "127.0.0.2", "127.0.0.3")))
                .node("probe", "http-probe").node("leaks", "gitleaks").node("doc", "report")
                .edge("start", "scan").edge("scan", "probe").edge("scan", "leaks")
                .edge("probe", "doc").edge("leaks", "doc").build()));

        for (StepRequested task : awaitRequests(tap, runId, "scan", 3)) {
            tap.publish(runId, succeeded(task, Map.of()));
        }
        tap.publish(runId, succeeded(awaitRequest(tap, runId, "probe", 1), Map.of()));
        tap.publish(runId, succeeded(awaitRequest(tap, runId, "leaks", 1), Map.of()));
        tap.publish(runId, succeeded(awaitRequest(tap, runId, "doc", 1), Map.of("report", "done")));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        RunDocument run = store.find(runId).orElseThrow();
        assertThat(run.steps()).extracting(StepDocument::status).containsOnly(RunStatus.SUCCEEDED.wireName());
        assertThat(run.activeTasks()).isZero();
        assertThat(tap.payloadsOf(runId, StepRequested.class)).hasSize(6);
    }
}
