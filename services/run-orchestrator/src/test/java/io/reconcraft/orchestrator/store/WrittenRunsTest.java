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

    private static RunDocument run(String id) {
        return RunDocument.accepted(id, "{}", List.of("127.0.0.1"), "demo", List.of("127.0.0.0/8"), Instant.EPOCH,
                List.of(), "someone/api");
    }
}
