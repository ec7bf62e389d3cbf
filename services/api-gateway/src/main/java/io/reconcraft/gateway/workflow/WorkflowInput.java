package io.reconcraft.gateway.workflow;

import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.List;

/** A workflow as a client sends it (any id, createdAt or updatedAt it carries is ignored). */
public record WorkflowInput(
        String id,
        String name,
        Boolean authorizedTargets,
        List<WorkflowNode> nodes,
        List<WorkflowEdge> edges) {

    public WorkflowInput {
        nodes = nodes == null ? List.of() : nodes;
        edges = edges == null ? List.of() : edges;
    }

    public boolean authorizesTargets() {
        return Boolean.TRUE.equals(authorizedTargets);
    }

    public WorkflowSnapshot snapshot(String assignedId) {
        return new WorkflowSnapshot(assignedId, name, nodes, edges);
    }
}
