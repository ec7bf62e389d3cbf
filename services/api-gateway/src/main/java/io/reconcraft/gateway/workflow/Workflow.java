package io.reconcraft.gateway.workflow;

import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A saved workflow, stored and answered in the Studio's Workflow shape. */
@Document("workflows")
public record Workflow(
        @Id String id,
        String name,
        boolean authorizedTargets,
        Instant createdAt,
        Instant updatedAt,
        List<WorkflowNode> nodes,
        List<WorkflowEdge> edges) {

    public Workflow {
        nodes = nodes == null ? List.of() : nodes;
        edges = edges == null ? List.of() : edges;
    }

    public WorkflowSnapshot snapshot() {
        return new WorkflowSnapshot(id, name, nodes, edges);
    }
}
