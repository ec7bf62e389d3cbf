package io.reconcraft.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.RunStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A task's success written together with the start of a task that waited for room, on the real MongoDB-wire server
 * in a database of its own: all of it, or nothing when the run changed in a way the plan did not see.
 */
class EndAndClaimTasksTest extends StoresOnRealServerTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant DEADLINE = NOW.plusSeconds(600);
    private static final int CAP = 1;

    EndAndClaimTasksTest() {
        super("end-claim-");
    }

    @Test
    void givenARunAtItsCapWithATaskWaiting_whenTheRunningTaskSucceedsWithTheWaitingOnesStart_thenBothAreWritten() {
        RunDocument run = stored();

        Optional<RunDocument> after = endFirstAndStartSecond(run);

        assertThat(after).isPresent();
        RunDocument stored = runs.find(run.id()).orElseThrow();
        assertThat(stored.steps().get(0).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(stored.steps().get(0).tasks()).singleElement()
                .satisfies(task -> assertThat(task.runStatus()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(stored.steps().get(1).tasks()).singleElement().satisfies(task -> {
            assertThat(task.runStatus()).isEqualTo(RunStatus.RUNNING);
            assertThat(task.requestedAt()).isEqualTo(NOW);
            assertThat(task.deadline()).isEqualTo(DEADLINE);
        });
        assertThat(stored.activeTasks()).isEqualTo(CAP);
        assertThat(written.lastOf(run.id())).contains(stored);
    }

    @Test
    void givenACancelAcceptedAfterThePlan_whenTheSuccessAndTheStartAreWrittenTogether_thenNothingIsWritten() {
        RunDocument run = stored();
        assertThat(runs.markCancelRequested(run.id(), "key-test", "stop", NOW)).isTrue();

        Optional<RunDocument> after = endFirstAndStartSecond(run);

        assertThat(after).isEmpty();
        RunDocument stored = runs.find(run.id()).orElseThrow();
        assertThat(stored.steps()).isEqualTo(run.steps());
        assertThat(stored.activeTasks()).isEqualTo(CAP);
    }

    @Test
    void givenTheWaitingTaskStartedElsewhereSinceThePlan_whenTheSuccessAndTheStartAreWrittenTogether_thenNothingIsWritten() {
        RunDocument run = stored();
        assertThat(tasks.claimAll(List.of(TaskRef.of(run, 1, 0)), NOW, List.of(DEADLINE), CAP + 1)).isTrue();

        Optional<RunDocument> after = endFirstAndStartSecond(run);

        assertThat(after).isEmpty();
        assertThat(runs.find(run.id()).orElseThrow().steps().get(0).runStatus()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void givenTheWaitingTasksStepEndedSinceThePlan_whenTheSuccessAndTheStartAreWrittenTogether_thenNothingIsWritten() {
        RunDocument run = stored();
        assertThat(runs.completeStep(run.id(), 1, 1, StepResult.failed("timeout", "no result in time"), NOW)).isTrue();

        Optional<RunDocument> after = endFirstAndStartSecond(run);

        assertThat(after).isEmpty();
        assertThat(runs.find(run.id()).orElseThrow().steps().get(1).tasks()).singleElement()
                .satisfies(task -> assertThat(task.runStatus()).isEqualTo(RunStatus.QUEUED));
    }

    @Test
    void givenTwoWaitingTasksOfOneFannedOutStep_whenBothStartTogether_thenBothAreRunning() {
        String id = "run-" + UUID.randomUUID();
        StepDocument scan = running("scan", TaskDocument.queued(id + ":scan:1", "127.0.0.1", 1));
        scan = new StepDocument(scan.nodeId(), scan.kind(), scan.name(), scan.status(), null, 1, NOW, null, null, null,
                null, null, null, null, List.of(TaskDocument.queued(id + ":scan:1", "127.0.0.1", 1),
                TaskDocument.queued(id + ":scan:2", "127.0.0.2", 1)));
        runs.insertAbsent(List.of(RunDocument.accepted(id, "{}", List.of("127.0.0.1", "127.0.0.2"), "demo",
                List.of("127.0.0.0/8"), NOW, List.of(scan), "test")));
        assertThat(runs.markRunRunning(id)).isTrue();
        RunDocument run = runs.find(id).orElseThrow();

        assertThat(tasks.claimAll(List.of(TaskRef.of(run, 0, 0), TaskRef.of(run, 0, 1)), NOW,
                List.of(DEADLINE, DEADLINE), 2)).isTrue();

        assertThat(runs.find(id).orElseThrow().steps().get(0).tasks()).extracting(TaskDocument::runStatus)
                .containsExactly(RunStatus.RUNNING, RunStatus.RUNNING);
    }

    private Optional<RunDocument> endFirstAndStartSecond(RunDocument run) {
        return tasks.endAllSucceededAndClaim(List.of(TaskRef.of(run, 0, 0)), List.of(StepResult.succeeded(Map.of())),
                List.of(TaskRef.of(run, 1, 0)), List.of(DEADLINE), CAP, NOW);
    }

    /** A running run of two scans: the first running its task, the second claimed with its task waiting for room. */
    private RunDocument stored() {
        String id = "run-" + UUID.randomUUID();
        TaskDocument first = TaskDocument.queued(id + ":a", null, 1).startedAt(NOW, DEADLINE);
        TaskDocument second = TaskDocument.queued(id + ":b", null, 1);
        RunDocument accepted = RunDocument.accepted(id, "{}", List.of("127.0.0.1"), "demo", List.of("127.0.0.1"), NOW,
                List.of(running("a", first), running("b", second)), "test");
        RunDocument withActive = accepted.withStep(0, accepted.steps().get(0), CAP);
        runs.insertAbsent(List.of(withActive));
        assertThat(runs.markRunRunning(id)).isTrue();
        return runs.find(id).orElseThrow();
    }

    private static StepDocument running(String nodeId, TaskDocument task) {
        return new StepDocument(nodeId, "nmap", nodeId, RunStatus.RUNNING.wireName(), null, 1, NOW, null, null, null,
                null, null, null, null, List.of(task));
    }
}
