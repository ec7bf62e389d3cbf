package io.reconcraft.workflow;

import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes of a workflow and the edges between them, with topological order. Edges that name an
 * unknown node are left out here; {@link WorkflowValidator} reports them.
 */
public final class WorkflowGraph {

    private final Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
    private final Map<String, List<WorkflowEdge>> outgoing = new LinkedHashMap<>();
    private final Map<String, List<WorkflowEdge>> incoming = new LinkedHashMap<>();

    private WorkflowGraph(WorkflowSnapshot workflow) {
        for (WorkflowNode node : workflow.nodes()) {
            if (node.id() != null) {
                nodes.putIfAbsent(node.id(), node);
                outgoing.putIfAbsent(node.id(), new ArrayList<>());
                incoming.putIfAbsent(node.id(), new ArrayList<>());
            }
        }
        for (WorkflowEdge edge : workflow.edges()) {
            if (nodes.containsKey(edge.source()) && nodes.containsKey(edge.target())) {
                outgoing.get(edge.source()).add(edge);
                incoming.get(edge.target()).add(edge);
            }
        }
    }

    public static WorkflowGraph of(WorkflowSnapshot workflow) {
        return new WorkflowGraph(workflow);
    }

    public List<WorkflowNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public Optional<WorkflowNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public List<String> parents(String nodeId) {
        return incoming.getOrDefault(nodeId, List.of()).stream().map(WorkflowEdge::source).distinct().toList();
    }

    public List<String> children(String nodeId) {
        return outgoing.getOrDefault(nodeId, List.of()).stream().map(WorkflowEdge::target).distinct().toList();
    }

    public List<WorkflowEdge> outgoingEdges(String nodeId) {
        return List.copyOf(outgoing.getOrDefault(nodeId, List.of()));
    }

    public List<WorkflowEdge> incomingEdges(String nodeId) {
        return List.copyOf(incoming.getOrDefault(nodeId, List.of()));
    }

    /** Nodes without incoming edges (start nodes among them), in the order they were drawn. */
    public List<String> roots() {
        return nodes.keySet().stream().filter(id -> incoming.get(id).isEmpty()).toList();
    }

    /** Every node after all of its parents; ties keep the drawing order, so the result is stable. */
    public List<String> topologicalOrder() {
        Map<String, Integer> waitingFor = new LinkedHashMap<>();
        nodes.keySet().forEach(id -> waitingFor.put(id, parents(id).size()));
        Deque<String> ready = new ArrayDeque<>(roots());
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.removeFirst();
            order.add(id);
            for (String child : children(id)) {
                if (waitingFor.merge(child, -1, Integer::sum) == 0) {
                    ready.addLast(child);
                }
            }
        }
        if (order.size() < nodes.size()) {
            List<String> inCycle = nodes.keySet().stream().filter(id -> !order.contains(id)).toList();
            throw new CycleException(inCycle);
        }
        return order;
    }

    public boolean hasCycle() {
        try {
            topologicalOrder();
            return false;
        } catch (CycleException e) {
            return true;
        }
    }

    /** The graph is not acyclic; {@code nodes} are the nodes on or behind a cycle. */
    public static class CycleException extends IllegalStateException {
        private final List<String> nodes;

        public CycleException(List<String> nodes) {
            super("the graph has a cycle among nodes " + nodes);
            this.nodes = List.copyOf(nodes);
        }

        public List<String> nodes() {
            return nodes;
        }
    }
}
