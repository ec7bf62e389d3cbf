package io.reconcraft.workflow;

import static io.reconcraft.workflow.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkflowGraphTest {

    @Test
    void givenADiamond_whenOrdered_thenEveryNodeComesAfterAllItsParents() {
        WorkflowGraph graph = WorkflowGraph.of(workflow()
                .node("join", "report").node("start", "start").node("a", "nmap").node("b", "gitleaks")
                .edge("start", "a").edge("start", "b").edge("a", "join").edge("b", "join").build());

        assertThat(graph.topologicalOrder()).containsExactly("start", "a", "b", "join");
        assertThat(graph.parents("join")).containsExactly("a", "b");
        assertThat(graph.roots()).containsExactly("start");
    }

    @Test
    void givenACycle_whenOrdered_thenTheNodesOnItAreNamed() {
        WorkflowGraph graph = WorkflowGraph.of(workflow()
                .node("start", "start").node("a", "nmap").node("b", "nmap")
                .edge("start", "a").edge("a", "b").edge("b", "a").build());

        assertThatThrownBy(graph::topologicalOrder).isInstanceOf(WorkflowGraph.CycleException.class)
                .satisfies(e -> assertThat(((WorkflowGraph.CycleException) e).nodes()).containsExactly("a", "b"));
    }
}
