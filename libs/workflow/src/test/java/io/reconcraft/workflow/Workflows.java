package io.reconcraft.workflow;

import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds workflows for tests in the Studio's shapes. */
final class Workflows {

    private final List<WorkflowNode> nodes = new ArrayList<>();
    private final List<WorkflowEdge> edges = new ArrayList<>();

    static Workflows workflow() {
        return new Workflows();
    }

    Workflows node(String id, String kind) {
        return node(id, kind, Map.of());
    }

    Workflows node(String id, String kind, Map<String, Object> config) {
        nodes.add(new WorkflowNode(id, kind, id, "recon", config, new WorkflowNode.Position(0, 0)));
        return this;
    }

    Workflows edge(String source, String target) {
        edges.add(new WorkflowEdge("e" + edges.size(), source, target, null, null, null, null));
        return this;
    }

    WorkflowSnapshot build() {
        return new WorkflowSnapshot("wf", "test", nodes, edges);
    }
}
