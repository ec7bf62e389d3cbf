package io.reconcraft.events.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StepOutcomeTest {

    @Test
    void givenTheCodes_thenTheirWireValuesAreTheOnesEventsHaveAlwaysCarried() {
        assertThat(Arrays.stream(StepOutcome.values()).map(StepOutcome::wire)).contains("skipped", "upstream_failed",
                "timeout", "invalid_config", "invalid_result", "invalid_workflow", "step_failed", "cancelled",
                "retrying", "sandbox_unavailable", "resource_limit", "output_limit", "out_of_scope", "not_supported",
                "invalid_input", "error", "tool_failed", "invalid_output", "delivery_failed", "upstream_unknown",
                "report_failed");
    }

    @Test
    void givenAFailureAnotherAttemptMayCure_thenItIsRetryable_andNothingElseIs() {
        assertThat(Arrays.stream(StepOutcome.values()).filter(StepOutcome::retryable).map(StepOutcome::wire))
                .containsExactlyInAnyOrder("timeout", "sandbox_unavailable", "error", "delivery_failed");
    }

    @Test
    void givenAnUnknownOrMissingCode_thenItIsNotRetryable() {
        assertThat(StepOutcome.isRetryable("something_new")).isFalse();
        assertThat(StepOutcome.isRetryable(null)).isFalse();
        assertThat(StepOutcome.fromWire("timeout")).contains(StepOutcome.TIMEOUT);
    }

    @Test
    void givenACodeFromTheWire_thenTheKnownOneIsTheConstant_andAnUnknownOneKeepsItsCode() {
        assertThat(StepOutcome.of("timeout")).isSameAs(StepOutcome.TIMEOUT);
        assertThat(StepOutcome.of("quota_exceeded")).isEqualTo(StepOutcome.of("quota_exceeded"))
                .isNotEqualTo(StepOutcome.ERROR).hasToString("quota_exceeded");
        assertThat(StepOutcome.of(null)).isNull();
        assertThat(StepOutcome.fromWire("quota_exceeded")).isEmpty();
        assertThat(StepOutcome.values()).doesNotContain(StepOutcome.of("quota_exceeded"));
    }
}
