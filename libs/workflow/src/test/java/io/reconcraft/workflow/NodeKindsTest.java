package io.reconcraft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.WorkflowNode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeKindsTest {

    @Test
    void givenEveryNodeKind_thenItHasExactlyOneDescriptor() {
        assertThat(NodeKinds.all()).extracting(NodeDescriptor::kind)
                .containsExactlyInAnyOrder(NodeKind.values());
        Arrays.stream(NodeKind.values()).forEach(kind -> assertThat(NodeKinds.of(kind.wireName())).isPresent());
    }

    @Test
    void givenANotifierStep_thenItsRetriesAreTheNotifiersOwn_andOtherKindsKeepConfigRetries() {
        Map<String, Object> config = Map.of("retries", 3);

        assertThat(NodeKinds.of(NodeKind.SLACK).retriesOf(new WorkflowNode("n", "slack", "n", null, config, null))).isZero();
        assertThat(NodeKinds.of(NodeKind.NMAP).retriesOf(new WorkflowNode("n", "nmap", "n", null, config, null))).isEqualTo(3);
    }

    @Test
    void givenRetriesOutOfRange_thenTheRuleIsNamed() {
        assertThatThrownBy(() -> NodeKinds.retries(Map.of("retries", 6)))
                .hasMessage("must be a whole number from 0 to 5");
    }

    @Test
    void givenADelayLongerThanTheLimit_thenTheValidatorRejectsIt_atTheSameLimitTheOrchestratorUses() {
        long limit = NodeKinds.MAX_DELAY.toSeconds();

        assertThat(check(Map.of("duration", limit))).isEmpty();
        assertThat(check(Map.of("duration", limit + 1))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).isEqualTo("must be between 0 and " + limit));
    }

    private static java.util.List<Problem> check(Map<String, Object> config) {
        java.util.List<Problem> problems = new java.util.ArrayList<>();
        NodeKinds.of(NodeKind.DELAY).config().check(WorkflowValidator.defaults(), config, "nodes[0].config",
                problems::add);
        return problems;
    }
}
