package io.reconcraft.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The start step's end written together with the first scan's claim, and that write undone when the start's events
 * could not be sent; then the scan's only task ending with its step — on the real MongoDB-wire server, in a database
 * of its own (no orchestrator runs here).
 */
class EndQueuedStepAndClaimTest extends StoresOnRealServerTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    EndQueuedStepAndClaimTest() {
        super("end-queued-");
    }

    @Test
    void givenARunningRunWithItsStartQueued_whenTheStartEndsWithTheScansClaim_thenBothAreWrittenInOneUpdate() {
        RunDocument asRead = stored(acceptedRun());
        TaskStore.StepClaim claim = scanClaim(asRead);

        Optional<RunDocument> after = tasks.endQueuedStepAndClaim(0, 1, StepResult.succeeded(Map.of()),
                asRead, List.of(claim), NOW);

        assertThat(after).isPresent();
        RunDocument stored = runs.find(asRead.id()).orElseThrow();
        assertThat(stored.steps().get(0).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(stored.steps().get(0).requestedAt()).isEqualTo(NOW);
        assertThat(stored.steps().get(1).runStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(stored.steps().get(1).tasks()).singleElement()
                .satisfies(task -> assertThat(task.runStatus()).isEqualTo(RunStatus.RUNNING));
        assertThat(stored.activeTasks()).isEqualTo(1);
        assertThat(stored.steps().get(0)).isEqualTo(asRead.steps().get(0)
                .executedAtOnce(StepResult.succeeded(Map.of()), NOW));
    }

    @Test
    void givenACancelAcceptedAfterTheRunWasRead_whenTheStartEndsWithTheScansClaim_thenNothingIsWritten() {
        RunDocument asRead = stored(acceptedRun());
        runs.markCancelRequested(asRead.id(), "key-test", "stop", NOW);

        Optional<RunDocument> after = endStart(asRead);

        assertThat(after).isEmpty();
        assertNothingWritten(asRead);
    }

    @Test
    void givenTheStartEndedWithTheScansClaim_whenItsEventsCouldNotBeSentAndItIsUndone_thenTheRunIsAsItWasRead() {
        RunDocument asRead = stored(acceptedRun());

        RunDocument stored = endAndUndo(asRead);

        assertThat(stored.steps()).isEqualTo(asRead.steps());
        assertThat(stored.activeTasks()).isZero();
    }

    @Test
    void givenAQueuedRun_whenItsStartEndsWithTheScansClaim_thenTheSameUpdateAdmitsIt() {
        RunDocument asRead = queued(acceptedRun());

        Optional<RunDocument> after = endStart(asRead);

        assertThat(after).isPresent();
        RunDocument stored = runs.find(asRead.id()).orElseThrow();
        assertThat(stored.runStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(stored.steps().get(0).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(stored.steps().get(1).runStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(stored.activeTasks()).isEqualTo(1);
    }

    @Test
    void givenAQueuedRunAdmittedElsewhereSinceItWasRead_whenItsStartEndsWithTheScansClaim_thenNothingIsWritten() {
        RunDocument asRead = queued(acceptedRun());
        assertThat(runs.markRunRunning(asRead.id())).isTrue();

        Optional<RunDocument> after = endStart(asRead);

        assertThat(after).isEmpty();
        assertNothingWritten(asRead);
    }

    @Test
    void givenAQueuedRunAdmittedByItsStart_whenTheStartsEventsCouldNotBeSentAndItIsUndone_thenItIsQueuedAsRead() {
        RunDocument asRead = queued(acceptedRun());

        RunDocument stored = endAndUndo(asRead);

        assertThat(stored.runStatus()).isEqualTo(RunStatus.QUEUED);
        assertThat(stored.steps()).isEqualTo(asRead.steps());
        assertThat(stored.activeTasks()).isZero();
    }

    @Test
    void givenAScanRunningItsOnlyTask_whenTheTaskEndsWithItsStep_thenTheResultIsStoredOnceAndReadFromTheTask() {
        RunDocument claimed = endStart(stored(acceptedRun())).orElseThrow();
        Finding port = new Finding("nmap-1", Severity.LOW, "Open port 22/tcp (ssh)", "ssh answers", "ssh", 22,
                "127.0.0.1", "nmap", "f1", Map.of("state", "open"));
        StepResult result = new StepResult(RunStatus.SUCCEEDED, null, null, List.of(port),
                Map.of("hosts", List.of("127.0.0.1")), null);

        assertThat(tasks.endWithStep(TaskRef.of(claimed, 1, 0), result, NOW)).isTrue();

        StepDocument scan = runs.find(claimed.id()).orElseThrow().steps().get(1);
        assertThat(scan.runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(scan.findingsJson()).isNull();
        assertThat(scan.outputsJson()).isNull();
        assertThat(scan.tasks()).singleElement().satisfies(task -> assertThat(StepJson.findings(task)).containsExactly(port));
        assertThat(StepJson.findings(scan)).containsExactly(port);
        assertThat(StepJson.outputs(scan)).isEqualTo(Map.of("hosts", List.of("127.0.0.1")));
    }

    @Test
    void givenAScanWhoseStepEndedWithAResultOfItsOwn_whenItsFindingsAreRead_thenTheStepsOwnAreRead() {
        RunDocument claimed = endStart(stored(acceptedRun())).orElseThrow();

        assertThat(runs.completeStep(claimed.id(), 1, 1, StepResult.failed("timeout", "no result in time"), NOW))
                .isTrue();

        StepDocument scan = runs.find(claimed.id()).orElseThrow().steps().get(1);
        assertThat(scan.findingsJson()).isEqualTo("[]");
        assertThat(StepJson.findings(scan)).isEmpty();
        assertThat(StepJson.outputs(scan)).isEmpty();
    }

    /** The start's end with the scan's claim, planned from {@code asRead}. */
    private Optional<RunDocument> endStart(RunDocument asRead) {
        return tasks.endQueuedStepAndClaim(0, 1, StepResult.succeeded(Map.of()), asRead, List.of(scanClaim(asRead)),
                NOW);
    }

    /** The start's end written and then undone, as when its events could not be sent: the run as stored after. */
    private RunDocument endAndUndo(RunDocument asRead) {
        TaskStore.StepClaim claim = scanClaim(asRead);
        RunDocument after = tasks.endQueuedStepAndClaim(0, 1, StepResult.succeeded(Map.of()), asRead,
                List.of(claim), NOW).orElseThrow();
        assertThat(tasks.undoEndQueuedStepAndClaim(asRead, 0, after, List.of(claim))).isTrue();
        return runs.find(asRead.id()).orElseThrow();
    }

    private void assertNothingWritten(RunDocument asRead) {
        RunDocument stored = runs.find(asRead.id()).orElseThrow();
        assertThat(stored.steps()).extracting(StepDocument::runStatus).containsOnly(RunStatus.QUEUED);
        assertThat(stored.activeTasks()).isZero();
    }

    private RunDocument queued(RunDocument run) {
        runs.insertAbsent(List.of(run));
        RunDocument stored = runs.find(run.id()).orElseThrow();
        assertThat(stored.runStatus()).isEqualTo(RunStatus.QUEUED);
        return stored;
    }

    private RunDocument stored(RunDocument run) {
        runs.insertAbsent(List.of(run));
        assertThat(runs.markRunRunning(run.id())).isTrue();
        return runs.find(run.id()).orElseThrow();
    }

    private static RunDocument acceptedRun() {
        return RunDocument.accepted("run-" + UUID.randomUUID(), "{}", List.of("127.0.0.1"), "demo", List.of("127.0.0.1"),
                NOW, List.of(StepDocument.queued("start", "start", "Start"), StepDocument.queued("nmap", "nmap", "Scan")),
                "test");
    }

    /** The scan claimed with its one task started, as the hand-over plans it. */
    private static TaskStore.StepClaim scanClaim(RunDocument run) {
        TaskDocument task = TaskDocument.queued(run.id() + ":nmap", "127.0.0.1", 1)
                .startedAt(NOW, NOW.plusSeconds(600));
        return new TaskStore.StepClaim(1, run.steps().get(1).attempt(), List.of(task), 1);
    }
}
