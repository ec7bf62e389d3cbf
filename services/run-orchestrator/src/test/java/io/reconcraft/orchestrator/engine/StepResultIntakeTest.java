package io.reconcraft.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.StepResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepResultIntakeTest {

    @Test
    void givenAResultWithoutAFinalStatus_whenRead_thenTheStepFailsAsInvalidResult() {
        StepResult result = StepResultIntake.resultOf(new StepCompleted("r:n", "n", 1, RunStatus.RUNNING, null, null,
                List.of(), Map.of()));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.outcome()).isEqualTo(StepOutcome.INVALID_RESULT.wire());
        assertThat(result.error()).contains("running");
    }

    @Test
    void givenFindingsWithoutSeverity_whenRead_thenOnlyTheUsableFindingsAreKept() {
        Finding usable = new Finding("f1", Severity.LOW, "t", "d", null, 22, "127.0.0.1", "nmap", "fp", Map.of());
        Finding unusable = new Finding("f2", null, "t", "d", null, 23, "127.0.0.1", "nmap", "fp2", Map.of());

        StepResult result = StepResultIntake.resultOf(new StepCompleted("r:n", "n", 1, RunStatus.SUCCEEDED, null, null,
                Arrays.asList(usable, unusable), Map.of()));

        assertThat(result.findings()).extracting(Finding::id).containsExactly("f1");
    }
}
