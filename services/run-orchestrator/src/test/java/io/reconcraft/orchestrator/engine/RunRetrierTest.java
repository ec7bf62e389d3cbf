package io.reconcraft.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.TaskDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRetrierTest {

    @Test
    void givenASucceededStep_whenTheRunIsRetried_thenItIsKeptAsItIs() {
        StepDocument succeeded = step("succeeded", 1, List.of(task("r:scan", "succeeded", 2)));

        assertThat(RunRetrier.again(succeeded)).isSameAs(succeeded);
    }

    @Test
    void givenAFanOutStepWithOneFailedTask_whenTheRunIsRetried_thenOnlyThatTaskRunsAgainAsItsNextAttempt() {
        TaskDocument kept = task("r:scan:0", "succeeded", 1);
        StepDocument failed = step("failed", 1, List.of(kept, task("r:scan:1", "failed", 3)));

        StepDocument again = RunRetrier.again(failed);

        assertThat(again.status()).isEqualTo("queued");
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.outcome()).isNull();
        assertThat(again.tasks().get(0)).isSameAs(kept);
        assertThat(again.tasks().get(1)).satisfies(task -> {
            assertThat(task.status()).isEqualTo("queued");
            assertThat(task.attempt()).isEqualTo(4);
            assertThat(task.retriesUsed()).isZero();
        });
    }

    @Test
    void givenAStepThatNeverRan_whenTheRunIsRetried_thenItIsQueuedAsItsNextAttempt() {
        StepDocument upstreamFailed = step("failed", 1, List.of());

        assertThat(RunRetrier.again(upstreamFailed)).satisfies(step -> {
            assertThat(step.status()).isEqualTo("queued");
            assertThat(step.attempt()).isEqualTo(2);
            assertThat(step.tasks()).isEmpty();
        });
    }

    private static StepDocument step(String status, int attempt, List<TaskDocument> tasks) {
        return new StepDocument("scan", "nmap", "Scan", status, status.equals("failed") ? "error" : null, attempt,
                null, null, null, null, null, "[]", "{}", null, tasks);
    }

    private static TaskDocument task(String stepId, String status, int attempt) {
        return new TaskDocument(stepId, null, status, attempt, 1, null, null, null, null,
                status.equals("failed") ? "error" : null, null, "[]", "{}", null, false, List.of());
    }
}
