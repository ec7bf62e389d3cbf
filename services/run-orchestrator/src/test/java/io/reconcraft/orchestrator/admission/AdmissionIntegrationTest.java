package io.reconcraft.orchestrator.admission;

import io.reconcraft.events.model.StepOutcome;
import static io.reconcraft.orchestrator.support.Runs.WAIT;
import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.RunCancelRequested;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import io.reconcraft.orchestrator.support.RealBrokerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Admission control on the real broker and database: two runs at a time, groups served in turn. */
@OrchestratorSpringTest
@TestPropertySource(properties = {"reconcraft.orchestrator.max-active-runs=2",
        "spring.mongodb.database=admission-it"})
class AdmissionIntegrationTest extends RealBrokerTest {

    private static final WorkflowSnapshot SCAN = workflow().node("start", "start").node("nmap", "nmap")
            .edge("start", "nmap").build();

    @Autowired
    RunStore store;

    @Test
    void givenABacklogFromOneSubmitter_whenAnotherSubmitsARun_thenItIsAdmittedAsSoonAsARunEnds() {
        List<String> backlog = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String runId = newRunId();
            backlog.add(runId);
            tap.publish(runId, request("key-ops", RunTrigger.schedule("nightly")));
        }
        // runs arrive over several partitions: which two of the backlog come first is not known in advance
        await().atMost(WAIT).until(() -> backlog.stream().filter(this::started).count() == 2
                && backlog.stream().filter(this::queued).count() == 3);
        String admittedFirst = backlog.stream().filter(this::started).findFirst().orElseThrow();
        List<String> waiting = backlog.stream().filter(this::queued).toList();

        String interactive = newRunId();
        tap.publish(interactive, request("key-alice", RunTrigger.api()));
        await().atMost(WAIT).until(() -> store.find(interactive).isPresent());
        assertThat(store.find(interactive).orElseThrow().runStatus()).isEqualTo(RunStatus.QUEUED);

        tap.publish(admittedFirst, succeeded(awaitRequest(tap, admittedFirst, "nmap", 1), Map.of()));
        awaitRunCompleted(tap, admittedFirst, 1);

        awaitRequest(tap, interactive, "nmap", 1);
        assertThat(waiting).allMatch(this::queued);
        assertThat(waiting).allMatch(id -> tap.payloadsOf(id, StepRequested.class).isEmpty());
        List<String> started = new ArrayList<>(backlog);
        started.add(interactive);
        endAll(started);
    }

    @Test
    void givenAQueuedRun_whenCancelled_thenItEndsCancelledWithoutEverStartingAndTakesNoPlace() {
        List<String> running = List.of(newRunId(), newRunId());
        running.forEach(id -> tap.publish(id, request("key-cancel", RunTrigger.api())));
        running.forEach(id -> awaitRequest(tap, id, "nmap", 1));
        String queued = newRunId();
        tap.publish(queued, request("key-cancel", RunTrigger.api()));
        await().atMost(WAIT).until(() -> store.find(queued).isPresent());

        tap.publish(queued, new RunCancelRequested("key-cancel", "not needed"));

        assertThat(awaitRunCompleted(tap, queued, 1).outcome()).isEqualTo(StepOutcome.CANCELLED);
        assertThat(tap.payloadsOf(queued, StepRequested.class)).isEmpty();
        assertThat(store.countRunning()).isEqualTo(2);
        endAll(running);
    }

    private boolean started(String runId) {
        return !tap.payloadsOf(runId, StepRequested.class).isEmpty();
    }

    private boolean queued(String runId) {
        return store.find(runId).map(run -> run.runStatus() == RunStatus.QUEUED).orElse(false);
    }

    /** Cancels the test's runs and waits until each has ended, so the next test starts with room. */
    private void endAll(List<String> runIds) {
        runIds.forEach(id -> tap.publish(id, new RunCancelRequested("test", "test over")));
        runIds.forEach(id -> awaitRunCompleted(tap, id, 1));
        await().atMost(WAIT).until(() -> store.countRunning() == 0);
    }

    private static RunRequested request(String submitter, RunTrigger trigger) {
        return new RunRequested(SCAN, List.of("127.0.0.1"), RunMode.DEMO, new AuthorizedScope(List.of("127.0.0.0/8")),
                submitter, trigger);
    }
}
