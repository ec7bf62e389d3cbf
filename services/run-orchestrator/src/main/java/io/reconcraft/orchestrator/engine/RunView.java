package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.workflow.WorkflowGraph;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A run as read at one moment, with its graph, its steps by node id and what makes its workflow impossible to run
 * (empty when nothing does; see {@link io.reconcraft.orchestrator.plan.WorkflowShape}).
 */
public record RunView(RunDocument run, WorkflowSnapshot workflow, WorkflowGraph graph, Map<String, StepDocument> steps,
                      Optional<String> shapeProblem) {

    public static RunView of(RunDocument run) {
        ParsedWorkflows.Parsed parsed = ParsedWorkflows.of(run);
        Map<String, StepDocument> steps = new LinkedHashMap<>();
        run.steps().forEach(step -> steps.put(step.nodeId(), step));
        return new RunView(run, parsed.workflow(), parsed.graph(), steps, parsed.shapeProblem());
    }

    public WorkflowNode node(String nodeId) {
        return graph.node(nodeId).orElseThrow(() -> new IllegalStateException("run " + run.id() + " has no node " + nodeId));
    }
}
