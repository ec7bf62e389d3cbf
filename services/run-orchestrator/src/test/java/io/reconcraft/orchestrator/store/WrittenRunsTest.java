package io.reconcraft.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WrittenRunsTest {

    private final WrittenRuns written = new WrittenRuns();

    @Test
    void givenAWrittenRun_whenTakenTwice_thenItIsGivenOnlyOnce() {
        RunDocument run = run("run-1");
        written.record(run);

        assertThat(written.take("run-1")).contains(run);
        assertThat(written.take("run-1")).isEmpty();
    }

    @Test
    void givenAnotherRunWasWrittenLast_whenTaken_thenNothingIsGivenAndTheLeftoverIsDropped() {
        written.record(run("run-2"));

        assertThat(written.take("run-1")).isEmpty();
        assertThat(written.take("run-2")).isEmpty();
    }

    @Test
    void givenARunWrittenOnAnotherThread_whenTakenHere_thenNothingIsGiven() {
        CompletableFuture.runAsync(() -> written.record(run("run-1"))).join();

        assertThat(written.take("run-1")).isEmpty();
    }

    @Test
    void givenARunWrittenOnAnotherThread_whenItsLastDocumentIsAskedForHere_thenItIsGiven() {
        RunDocument first = run("run-1");
        RunDocument second = first.withStep(0, StepDocument.queued("start", "start", "Start"), 1);
        written.record(first);
        CompletableFuture.runAsync(() -> written.record(second)).join();

        assertThat(written.lastOf("run-1")).contains(second);
    }

    @Test
    void givenAnEarlierWriteRecordedAfterALaterOne_whenTheRunsLastDocumentIsAskedFor_thenTheLaterIsGiven() {
        RunDocument earlier = revision(run("run-1"), 4);
        RunDocument later = revision(run("run-1"), 5);
        written.record(later);

        written.record(earlier);

        assertThat(written.lastOf("run-1")).contains(later);
    }

    private static RunDocument revision(RunDocument run, long revision) {
        return new RunDocument(run.id(), run.workflowJson(), run.targets(), run.runMode(), run.scope(), run.status(),
                run.outcome(), run.reason(), run.createdAt(), run.completedAt(), run.steps(), run.cancelRequestedAt(),
                run.cancelledBy(), run.cancelReason(), run.retryRound(), run.activeTasks(), run.admissionGroup(),
                revision);
    }

    @Test
    void givenARunWrittenAsEnded_whenItsLastDocumentIsAskedFor_thenNoneIsKept() {
        written.record(run("run-1"));
        RunDocument ended = new RunDocument("run-1", "{}", List.of(), "demo", List.of(), "succeeded", "ok", null,
                Instant.EPOCH, Instant.EPOCH, List.of(), null, null, null, 0, 0, "someone/api", 3);

        written.record(ended);

        assertThat(written.lastOf("run-1")).isEmpty();
    }

    @Test
    void givenMoreStepsWrittenThanAreKept_whenTheFirstRunsLastDocumentIsAskedFor_thenItWasLetGo() {
        List<StepDocument> thousand = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> StepDocument.queued("n" + i, "nmap", "n" + i)).toList();
        for (int i = 0; i < 40; i++) {
            written.record(RunDocument.accepted("run-" + i, "{}", List.of(), "demo", List.of(), Instant.EPOCH, thousand,
                    "someone/api"));
        }

        assertThat(written.lastOf("run-0")).isEmpty();
        assertThat(written.lastOf("run-39")).isPresent();
    }

    private static RunDocument run(String id) {
        return RunDocument.accepted(id, "{}", List.of("127.0.0.1"), "demo", List.of("127.0.0.0/8"), Instant.EPOCH,
                List.of(StepDocument.queued("start", "start", "Start")), "someone/api");
    }
}
