package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.support.RealBrokerTest;


import static io.reconcraft.orchestrator.support.Runs.GROUP;
import static io.reconcraft.orchestrator.support.Runs.WAIT;
import static io.reconcraft.orchestrator.support.Runs.awaitPayload;
import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.completed;
import static io.reconcraft.orchestrator.support.Runs.finding;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRetryRequested;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.orchestrator.store.AttemptRecord;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.TaskDocument;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Automatic retries of failed attempts and retrying a failed run from its failed steps, on the real broker. */
@OrchestratorSpringTest
class RetryIntegrationTest extends RealBrokerTest {

    @Autowired
    RunStore store;

    @Test
    void givenANodeWithRetries_whenAttemptsFailRetryably_thenEachIsRequestedAgainAfterABackoffAndEveryAttemptIsRecorded() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap", Map.of("retries", 2))
                .edge("start", "nmap").build()));
        StepRequested first = awaitRequest(tap, runId, "nmap", 1);

        tap.publish(runId, completed(first, RunStatus.FAILED, "sandbox_unavailable", List.of(), Map.of()));
        StepRequested second = awaitRequest(tap, runId, "nmap", 2);
        RecordMetadata late = tap.publish(runId, succeeded(first, Map.of("late", true)));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, late));
        assertThat(task(runId).status()).isEqualTo("running");
        assertThat(task(runId).attempt()).isEqualTo(2);
        tap.publish(runId, completed(second, RunStatus.FAILED, "error", List.of(), Map.of()));
        StepRequested third = awaitRequest(tap, runId, "nmap", 3);
        tap.publish(runId, succeeded(third, Map.of("hosts", List.of())));

        assertThat(awaitRunCompleted(tap, runId, 1).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(List.of(first.stepId(), second.stepId(), third.stepId())).containsOnly(runId + ":nmap");
        TaskDocument task = task(runId);
        assertThat(task.attempts()).extracting(AttemptRecord::attempt, AttemptRecord::status, AttemptRecord::outcome)
                .containsExactly(tuple(1, "failed", "sandbox_unavailable"), tuple(2, "failed", "error"),
                        tuple(3, "succeeded", null));
        assertThat(task.attempts()).allSatisfy(attempt -> {
            assertThat(attempt.requestedAt()).isNotNull();
            assertThat(attempt.completedAt()).isAfterOrEqualTo(attempt.requestedAt());
        });
        assertThat(task.attempts().get(0).retryAt()).isAfterOrEqualTo(task.attempts().get(0).completedAt());
        assertThat(task.attempts().get(1).retryAt()).isNotNull();
        assertThat(task.outputsJson()).doesNotContain("late");
        assertThat(tap.payloadsOf(runId, StepLog.class)).anySatisfy(log -> assertThat(log.lines())
                .anySatisfy(line -> assertThat(line).contains("retrying as attempt 2")));
    }

    @Test
    void givenAFailureAnotherAttemptCannotCure_whenTheNodeHasRetries_thenItIsNotRetried() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap", Map.of("retries", "3"))
                .edge("start", "nmap").build()));

        tap.publish(runId, completed(awaitRequest(tap, runId, "nmap", 1), RunStatus.FAILED, "invalid_input",
                List.of(), Map.of()));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        assertThat(tap.payloadsOf(runId, StepRequested.class)).hasSize(1);
        assertThat(task(runId).attempts()).extracting(AttemptRecord::retryAt).containsExactly((java.time.Instant) null);
    }

    @Test
    void givenAHungStepWithARetry_whenItsDeadlinePasses_thenTheAttemptTimesOutAndTheNextAttemptIsRequested() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start")
                .node("leaks", "gitleaks", Map.of("repoUrl", "https://example.org/repo.git", "retries", 1))
                .edge("start", "leaks").build()));
        StepRequested hung = awaitRequest(tap, runId, "leaks", 1);

        StepRequested retry = awaitRequest(tap, runId, "leaks", 2);

        assertThat(hung.timeoutSeconds()).isEqualTo(1);
        StepCompleted timedOut = awaitPayload(tap, runId, StepCompleted.class,
                c -> c.nodeId().equals("leaks") && c.attempt() == 1);
        assertThat(timedOut.outcome()).isEqualTo(StepOutcome.TIMEOUT);
        assertThat(timedOut.stepId()).isEqualTo(hung.stepId());
        tap.publish(runId, succeeded(retry, Map.of()));
        assertThat(awaitRunCompleted(tap, runId, 1).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void givenARunThatFailedAtTheProbe_whenRetried_thenOnlyTheFailedAndNeverRunStepsRunAgainWithTheScansOutputsKept() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap").node("probe", "http-probe")
                .node("parse", "parser").edge("start", "nmap").edge("nmap", "probe").edge("probe", "parse").build()));
        tap.publish(runId, completed(awaitRequest(tap, runId, "nmap", 1), RunStatus.SUCCEEDED, null,
                List.of(finding("f1", Severity.HIGH, 23)), Map.of("ports", List.of(80))));
        tap.publish(runId, completed(awaitRequest(tap, runId, "probe", 1), RunStatus.FAILED, "invalid_input",
                List.of(), Map.of()));
        assertThat(awaitRunCompleted(tap, runId, 1).status()).isEqualTo(RunStatus.FAILED);

        tap.publish(runId, new RunRetryRequested("key-ops"));

        StepRequested probe = awaitRequest(tap, runId, "probe", 2);
        assertThat(probe.upstream()).singleElement().satisfies(upstream -> {
            assertThat(upstream.nodeId()).isEqualTo("nmap");
            assertThat(upstream.outputs()).containsEntry("ports", List.of(80));
        });
        tap.publish(runId, succeeded(probe, Map.of("responses", List.of())));
        tap.publish(runId, succeeded(awaitRequest(tap, runId, "parse", 2), Map.of()));
        RunCompleted second = awaitRunCompleted(tap, runId, 2);
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.summary().findingsCount()).isEqualTo(1);
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId, StepRequested::attempt)
                .containsExactly(tuple("nmap", 1), tuple("probe", 1), tuple("probe", 2), tuple("parse", 2));
        assertThat(tap.payloadsOf(runId, RunStatusChanged.class)).extracting(RunStatusChanged::status,
                RunStatusChanged::outcome).contains(tuple(RunStatus.RUNNING, StepOutcome.RETRYING));
        RunDocument stored = store.find(runId).orElseThrow();
        assertThat(stored.retryRound()).isEqualTo(1);
        assertThat(stored.step("nmap").orElseThrow().attempt()).isEqualTo(1);
        assertThat(stored.step("probe").orElseThrow().tasks().get(0).attempts()).extracting(AttemptRecord::attempt)
                .containsExactly(1, 2);
    }

    @Test
    void givenASucceededOrARunningRun_whenRetried_thenNothingChangesAndNothingIsEmitted() {
        String done = newRunId();
        tap.publish(done, request(workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));
        tap.publish(done, succeeded(awaitRequest(tap, done, "nmap", 1), Map.of()));
        awaitRunCompleted(tap, done, 1);
        String running = newRunId();
        tap.publish(running, request(workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));
        awaitRequest(tap, running, "nmap", 1);
        RunDocument doneBefore = store.find(done).orElseThrow();
        RunDocument runningBefore = store.find(running).orElseThrow();
        int eventsBefore = tap.eventsOf(done).size() + tap.eventsOf(running).size();

        RecordMetadata retryDone = tap.publish(done, new RunRetryRequested("key-ops"));
        RecordMetadata retryRunning = tap.publish(running, new RunRetryRequested("key-ops"));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, retryDone) && tap.processed(GROUP, retryRunning));

        assertThat(store.find(done).orElseThrow()).isEqualTo(doneBefore);
        assertThat(store.find(running).orElseThrow()).isEqualTo(runningBefore);
        assertThat(tap.eventsOf(done).size() + tap.eventsOf(running).size()).isEqualTo(eventsBefore);
    }

    private TaskDocument task(String runId) {
        return store.find(runId).orElseThrow().steps().stream().filter(step -> step.hasTasks()).findFirst()
                .orElseThrow().tasks().get(0);
    }
}
