package io.reconcraft.orchestrator.plan;

import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepJson;
import io.reconcraft.workflow.NodeDescriptor;
import io.reconcraft.workflow.NodeKinds;
import io.reconcraft.workflow.WorkflowGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node receives from upstream: the outputs and findings of its direct parents along the edges
 * that were taken. Condition and delay nodes produce no data of their own, so a node behind one also
 * receives what that node received (nmap → condition → http-probe still gets nmap's open ports).
 */
public final class UpstreamCollector {

    private UpstreamCollector() {
    }

    public static List<UpstreamOutput> collect(WorkflowGraph graph, Map<String, StepDocument> steps, String nodeId) {
        Map<String, UpstreamOutput> collected = new LinkedHashMap<>();
        addParents(graph, steps, nodeId, collected);
        return new ArrayList<>(collected.values());
    }

    private static void addParents(WorkflowGraph graph, Map<String, StepDocument> steps, String nodeId,
                                   Map<String, UpstreamOutput> collected) {
        for (WorkflowEdge edge : graph.incomingEdges(nodeId)) {
            StepDocument parent = steps.get(edge.source());
            if (parent == null || !parent.isTerminal() || !RunPlanner.isTaken(parent, edge)
                    || collected.containsKey(parent.nodeId())) {
                continue;
            }
            collected.put(parent.nodeId(), new UpstreamOutput(parent.nodeId(), parent.kind(),
                    StepJson.outputs(parent), StepJson.findings(parent)));
            if (passesDataThrough(parent.kind())) {
                addParents(graph, steps, parent.nodeId(), collected);
            }
        }
    }

    private static boolean passesDataThrough(String kind) {
        return NodeKinds.of(kind).map(NodeDescriptor::passesDataThrough).orElse(false);
    }
}
