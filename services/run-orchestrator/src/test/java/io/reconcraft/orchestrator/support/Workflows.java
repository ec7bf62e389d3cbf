package io.reconcraft.orchestrator.support;

import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds workflow snapshots the way the Studio draws them. */
public final class Workflows {

    private final List<WorkflowNode> nodes = new ArrayList<>();
    private final List<WorkflowEdge> edges = new ArrayList<>();

    public static Workflows workflow() {
        return new Workflows();
    }

    /** The demo graph: start → nmap → http-probe. */
    public static WorkflowSnapshot startNmapProbe() {
        return workflow().node("start", "start").node("nmap", "nmap").node("probe", "http-probe")
                .edge("start", "nmap").edge("nmap", "probe").build();
    }

    public Workflows node(String id, String kind) {
        return node(id, kind, Map.of());
    }

    public Workflows node(String id, String kind, Map<String, Object> config) {
        nodes.add(new WorkflowNode(id, kind, id.toUpperCase(), "recon", config, new WorkflowNode.Position(0, 0)));
        return this;
    }

    public Workflows edge(String source, String target) {
        edges.add(new WorkflowEdge("e" + edges.size(), source, target, null, null, null, "default"));
        return this;
    }

    public Workflows branch(String condition, boolean branch, String target) {
        edges.add(new WorkflowEdge("e" + edges.size(), condition, target, String.valueOf(branch), null, null, "default"));
        return this;
    }

    public Workflows labelledBranch(String condition, boolean branch, String target) {
        edges.add(new WorkflowEdge("e" + edges.size(), condition, target, null, null, String.valueOf(branch), "default"));
        return this;
    }

    public WorkflowSnapshot build() {
        return new WorkflowSnapshot("wf-1", "Recon", nodes, edges);
    }
}
