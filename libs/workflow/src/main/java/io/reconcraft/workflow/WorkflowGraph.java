package io.reconcraft.workflow;

import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The nodes of a workflow and the edges between them, with topological order. Edges that name an
 * unknown node are left out here; {@link WorkflowValidator} reports them.
 */
public final class WorkflowGraph {

    private final Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
    private final Map<String, List<WorkflowEdge>> outgoing = new LinkedHashMap<>();
    private final Map<String, List<WorkflowEdge>> incoming = new LinkedHashMap<>();
    // Derived once and never copied again: the graph never changes after it is built, and the orchestrator asks
    // for these on every pass (a join of 1,000 parents: its edges for each of a wide run's passes)
    private final Map<String, List<String>> parents = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    private final List<String> order;
    private final List<String> inCycle;

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
        outgoing.replaceAll((id, edges) -> List.copyOf(edges));
        incoming.replaceAll((id, edges) -> List.copyOf(edges));
        incoming.forEach((id, edges) -> parents.put(id, edges.stream().map(WorkflowEdge::source).distinct().toList()));
        outgoing.forEach((id, edges) -> children.put(id, edges.stream().map(WorkflowEdge::target).distinct().toList()));
        order = sorted();
        Set<String> ordered = new HashSet<>(order);
        inCycle = nodes.keySet().stream().filter(id -> !ordered.contains(id)).toList();
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
        return parents.getOrDefault(nodeId, List.of());
    }

    public List<String> children(String nodeId) {
        return children.getOrDefault(nodeId, List.of());
    }

    public List<WorkflowEdge> outgoingEdges(String nodeId) {
        return outgoing.getOrDefault(nodeId, List.of());
    }

    public List<WorkflowEdge> incomingEdges(String nodeId) {
        return incoming.getOrDefault(nodeId, List.of());
    }

    /** Nodes without incoming edges (start nodes among them), in the order they were drawn. */
    public List<String> roots() {
        return nodes.keySet().stream().filter(id -> incoming.get(id).isEmpty()).toList();
    }

    /**
     * Every node after all of its parents; ties keep the drawing order, so the result is stable.
     *
     * @throws CycleException when the graph is not acyclic
     */
    public List<String> topologicalOrder() {
        if (!inCycle.isEmpty()) {
            throw new CycleException(inCycle);
        }
        return order;
    }

    /** The nodes in topological order, as far as a cycle lets them be ordered. */
    private List<String> sorted() {
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
        return List.copyOf(order);
    }

    public boolean hasCycle() {
        return !inCycle.isEmpty();
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
