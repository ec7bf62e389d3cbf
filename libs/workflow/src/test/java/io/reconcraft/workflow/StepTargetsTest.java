package io.reconcraft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepTargetsTest {

    @Test
    void givenConfigTargets_whenRead_thenTheyAreTheStepsTargetsInsteadOfTheGivenOnes() {
        assertThat(StepTargets.of(Map.of("targets", List.of(" 10.0.0.7 ", "")), List.of("10.0.0.5", "10.0.0.6")))
                .containsExactly("10.0.0.7");
    }

    @Test
    void givenNoConfigTargets_whenRead_thenTheGivenTargetsAreTheStepsTargets() {
        assertThat(StepTargets.of(Map.of("targets", List.of()), List.of("10.0.0.5"))).containsExactly("10.0.0.5");
        assertThat(StepTargets.of(Map.of(), List.of("10.0.0.5"))).containsExactly("10.0.0.5");
    }

    @Test
    void givenConfigTargetsThatAreNotAListOfStrings_whenRead_thenTheyAreRefused() {
        assertThatThrownBy(() -> StepTargets.of(Map.of("targets", "10.0.0.6"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must be a list of strings");
    }
}
