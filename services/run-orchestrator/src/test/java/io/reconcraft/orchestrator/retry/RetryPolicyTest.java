package io.reconcraft.orchestrator.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskDocument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Duration BASE = Duration.ofSeconds(2);
    private static final Duration CAP = Duration.ofSeconds(30);
    private static final TaskDocument FIRST_ATTEMPT = TaskDocument.queued("r:n", null, 1);

    @ParameterizedTest
    @ValueSource(strings = {"timeout", "sandbox_unavailable", "error", "delivery_failed"})
    void givenARetryableFailureAndRetriesLeft_whenDeciding_thenTheTaskIsRetried(String outcome) {
        RetryPolicy policy = new RetryPolicy(BASE, CAP, () -> 0.5);

        assertThat(policy.retryDelay(2, FIRST_ATTEMPT, StepResult.failed(outcome, "boom"), false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_input", "invalid_config", "out_of_scope", "not_supported", "cancelled"})
    void givenAFailureAnotherAttemptCannotCure_whenDeciding_thenTheTaskEnds(String outcome) {
        RetryPolicy policy = new RetryPolicy(BASE, CAP, () -> 0.5);

        assertThat(policy.retryDelay(5, FIRST_ATTEMPT, StepResult.failed(outcome, "bad"), false)).isEmpty();
    }

    @Test
    void givenNoRetriesLeftOrACancelledRun_whenDeciding_thenTheTaskEnds() {
        RetryPolicy policy = new RetryPolicy(BASE, CAP, () -> 0.5);
        TaskDocument retriedTwice = new TaskDocument("r:n", null, "running", 3, 2, null, null, null, null, null,
                null, null, null, null, false, List.of());

        assertThat(policy.retryDelay(2, retriedTwice, StepResult.failed("timeout", "slow"), false)).isEmpty();
        assertThat(policy.retryDelay(2, FIRST_ATTEMPT, StepResult.failed("timeout", "slow"), true)).isEmpty();
        assertThat(policy.retryDelay(2, FIRST_ATTEMPT, StepResult.succeeded(Map.of()), false)).isEmpty();
    }

    @Test
    void givenTheLargestRandomDraw_whenBackingOff_thenTheWaitDoublesPerRetryUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(BASE, CAP, () -> 0.999_999_999);

        assertThat(List.of(policy.backoff(1), policy.backoff(2), policy.backoff(3), policy.backoff(4), policy.backoff(5)))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                        Duration.ofSeconds(16), Duration.ofSeconds(30));
    }

    @Test
    void givenRandomDraws_whenBackingOff_thenTheWaitIsAFractionOfTheCeiling() {
        assertThat(new RetryPolicy(BASE, CAP, () -> 0.0).backoff(3)).isEqualTo(Duration.ZERO);
        assertThat(new RetryPolicy(BASE, CAP, () -> 0.25).backoff(3)).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void givenRetriesAsANumberOrAString_whenRead_thenTheyAreAccepted() {
        assertThat(RetryPolicy.retriesOf(node(Map.of("retries", 3)))).isEqualTo(3);
        assertThat(RetryPolicy.retriesOf(node(Map.of("retries", "2")))).isEqualTo(2);
        assertThat(RetryPolicy.retriesOf(node(Map.of()))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "-1", "1.5", "often"})
    void givenRetriesOutOfRange_whenRead_thenTheReasonIsClear(String retries) {
        assertThatThrownBy(() -> RetryPolicy.retriesOf(node(Map.of("retries", retries))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config.retries").hasMessageContaining("0 to 5");
    }

    private static WorkflowNode node(Map<String, Object> config) {
        return new WorkflowNode("scan", "nmap", "Scan", "recon", config, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack", "discord"})
    void givenANotifierStepWithRetriesConfigured_whenItsRetriesAreRead_thenItHasNone_soTheNotifiersAttemptsAreTheOnlyBudget(
            String kind) {
        WorkflowNode alert = new WorkflowNode("alert", kind, "Alert", "notify",
                Map.of("retries", 5, "message", "hi"), null);
        WorkflowNode scan = new WorkflowNode("scan", "nmap", "Scan", "recon", Map.of("retries", 5), null);

        assertThat(RetryPolicy.retriesOf(alert)).isZero();
        assertThat(RetryPolicy.retriesOf(scan)).isEqualTo(5);
    }
}
