package io.reconcraft.events.model;

import java.util.List;

/** The graph of a workflow as it was when a run was requested; later edits do not change a running run. */
public record WorkflowSnapshot(String id, String name, List<WorkflowNode> nodes, List<WorkflowEdge> edges) {

    public WorkflowSnapshot {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }
}
