package io.reconcraft.events.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepIdTest {

    @Test
    void givenANode_thenItsStepIdIsRunIdColonNodeId() {
        assertThat(StepId.of("run-1", "scan").wire()).isEqualTo("run-1:scan");
    }

    @Test
    void givenAFannedOutTask_thenItsStepIdEndsInTheTargetIndex() {
        assertThat(StepId.of("run-1", "scan").task(2).wire()).isEqualTo("run-1:scan:2");
        assertThat(StepId.task("run-1:scan", 2)).isEqualTo("run-1:scan:2");
    }

    @Test
    void givenBuiltIds_whenParsed_thenTheSameIdComesBack() {
        StepId node = StepId.of("run-1", "scan");
        StepId task = node.task(11);

        assertThat(StepId.parse("run-1", node.wire())).contains(node);
        assertThat(StepId.parse("run-1", task.wire())).contains(task);
    }

    @Test
    void givenAnIdOfAnotherRun_whenParsed_thenNothing() {
        assertThat(StepId.parse("run-2", "run-1:scan")).isEmpty();
        assertThat(StepId.parse("run-1", null)).isEmpty();
    }

    @Test
    void givenATaskIdOrNoId_thenOnlyTheNodesOwnIdOrNoneIsANodeResult() {
        assertThat(StepId.isNodeResult("run-1", "scan", "run-1:scan")).isTrue();
        assertThat(StepId.isNodeResult("run-1", "scan", null)).isTrue();
        assertThat(StepId.isNodeResult("run-1", "scan", "run-1:scan:0")).isFalse();
    }
}
