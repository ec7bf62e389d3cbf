package io.reconcraft.orchestrator.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.events.model.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DelayExecutorTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final DelayExecutor executor = new DelayExecutor(OrchestratorProperties.defaults());

    @Test
    void givenADurationAsAString_whenExecuting_thenTheStepWaitsUntilThatManySecondsLater() {
        InternalOutcome outcome = executor.execute(context(Map.of("duration", "5")));

        assertThat(outcome).isInstanceOfSatisfying(InternalOutcome.Waiting.class,
                waiting -> assertThat(waiting.dueAt()).isEqualTo(NOW.plusSeconds(5)));
    }

    @Test
    void givenADurationThatIsNotANumber_whenExecuting_thenTheStepFailsWithTheReason() {
        InternalOutcome outcome = executor.execute(context(Map.of("duration", "soon")));

        assertThat(outcome).isInstanceOfSatisfying(InternalOutcome.Completed.class, completed -> {
            assertThat(completed.result().status()).isEqualTo(RunStatus.FAILED);
            assertThat(completed.result().outcome()).isEqualTo(StepOutcome.INVALID_CONFIG.wire());
            assertThat(completed.result().error()).contains("duration");
        });
    }

    @Test
    void givenANegativeDuration_whenExecuting_thenTheStepFails() {
        InternalOutcome outcome = executor.execute(context(Map.of("duration", -3)));

        assertThat(outcome).isInstanceOfSatisfying(InternalOutcome.Completed.class,
                completed -> assertThat(completed.result().status()).isEqualTo(RunStatus.FAILED));
    }

    private static StepContext context(Map<String, Object> config) {
        WorkflowNode node = new WorkflowNode("wait", "delay", "Wait", "utilities", config, null);
        return new StepContext("run-1", "run-1:wait", node, 1, List.of(), NOW);
    }
}
