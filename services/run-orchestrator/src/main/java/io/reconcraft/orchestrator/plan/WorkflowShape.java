package io.reconcraft.orchestrator.plan;

import io.reconcraft.events.model.InputEcho;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.workflow.WorkflowGraph;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a snapshot impossible to run at all. The gateway validated it on save; this is checked
 * again because the snapshot arrived over Kafka, and a run that cannot be planned must end failed, not hang.
 */
public final class WorkflowShape {

    private WorkflowShape() {
    }

    /** The reason the workflow cannot run, or empty when it can. */
    public static Optional<String> problem(WorkflowSnapshot workflow) {
        return problem(workflow, workflow == null ? null : WorkflowGraph.of(workflow));
    }

    /** {@link #problem(WorkflowSnapshot)} with the workflow's graph already built. */
    public static Optional<String> problem(WorkflowSnapshot workflow, WorkflowGraph graph) {
        if (workflow == null || workflow.nodes().isEmpty()) {
            return Optional.of("the workflow has no nodes");
        }
        Set<String> ids = new HashSet<>();
        for (WorkflowNode node : workflow.nodes()) {
            if (node.id() == null || node.id().isBlank()) {
                return Optional.of("a node has no id");
            }
            if (!ids.add(node.id())) {
                return Optional.of("node id " + InputEcho.quoted(node.id()) + " is used twice");
            }
            if (NodeKind.fromWire(node.kind()).isEmpty()) {
                return Optional.of("node " + InputEcho.quoted(node.id()) + " has unknown kind "
                        + InputEcho.quoted(node.kind()));
            }
        }
        try {
            graph.topologicalOrder();
        } catch (WorkflowGraph.CycleException e) {
            return Optional.of("the workflow has a cycle among nodes " + e.nodes());
        }
        return Optional.empty();
    }
}
