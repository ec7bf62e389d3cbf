package io.reconcraft.orchestrator.plan;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.workflow.WorkflowGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, from the graph and the current step states alone, which queued nodes can run now, which
 * will never run because they are only reachable through branches not taken, and which can never
 * run because a parent failed. A node waits until every parent has ended, so independent branches
 * run side by side and a join runs once. Pure: no I/O, so it is tested without Kafka or MongoDB.
 */
public final class RunPlanner {

    private RunPlanner() {
    }

    /** @throws WorkflowGraph.CycleException when the graph has a cycle */
    public static List<Decision> decide(WorkflowGraph graph, Map<String, StepDocument> steps) {
        List<Decision> decisions = new ArrayList<>();
        for (String nodeId : graph.topologicalOrder()) {
            StepDocument step = steps.get(nodeId);
            if (step == null || step.runStatus() != RunStatus.QUEUED) {
                continue;
            }
            decideNode(graph, steps, nodeId).ifPresent(decisions::add);
        }
        return decisions;
    }

    private static Optional<Decision> decideNode(WorkflowGraph graph, Map<String, StepDocument> steps, String nodeId) {
        List<WorkflowEdge> incoming = graph.incomingEdges(nodeId);
        if (incoming.isEmpty()) {
            return Optional.of(new Decision(nodeId, Decision.Action.RUN, null));
        }
        String failedParent = null;
        String notTakenBecause = null;
        boolean anyTaken = false;
        for (WorkflowEdge edge : incoming) {
            StepDocument parent = steps.get(edge.source());
            if (parent == null || !parent.isTerminal()) {
                return Optional.empty();
            }
            if (parent.runStatus() == RunStatus.FAILED) {
                failedParent = failedParent == null ? edge.source() : failedParent;
            } else if (StepOutcome.SKIPPED.is(parent.outcome())) {
                notTakenBecause = "upstream step '" + parent.name() + "' was skipped";
            } else if (branchNotTaken(parent, edge)) {
                notTakenBecause = "branch '" + EdgeBranch.of(edge).orElseThrow() + "' of condition '"
                        + parent.name() + "' was not taken (the condition was " + parent.conditionResult() + ")";
            } else {
                anyTaken = true;
            }
        }
        if (failedParent != null) {
            return Optional.of(new Decision(nodeId, Decision.Action.FAIL_UPSTREAM,
                    "upstream step '" + steps.get(failedParent).name() + "' failed"));
        }
        if (anyTaken) {
            return Optional.of(new Decision(nodeId, Decision.Action.RUN, null));
        }
        return Optional.of(new Decision(nodeId, Decision.Action.SKIP, "skipped: " + notTakenBecause));
    }

    /** Whether data and control flow along {@code edge} from a parent that has ended. */
    public static boolean isTaken(StepDocument parent, WorkflowEdge edge) {
        return parent.runStatus() == RunStatus.SUCCEEDED && !StepOutcome.SKIPPED.is(parent.outcome())
                && !branchNotTaken(parent, edge);
    }

    private static boolean branchNotTaken(StepDocument parent, WorkflowEdge edge) {
        if (!NodeKind.CONDITION.wireName().equals(parent.kind()) || parent.conditionResult() == null) {
            return false;
        }
        return EdgeBranch.of(edge).map(branch -> !branch.equals(parent.conditionResult())).orElse(false);
    }
}
