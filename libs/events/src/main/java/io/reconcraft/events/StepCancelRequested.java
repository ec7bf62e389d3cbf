package io.reconcraft.events;

import io.reconcraft.events.model.NodeKind;

/**
 * The orchestrator asks the executor of a running step attempt to stop it (the run was cancelled).
 * It travels on the same step-requests topic as the step's StepRequested, keyed by run id, so it stays
 * ordered after the request it cancels. {@code kind} only routes it to the executor's topic. An executor
 * that holds the attempt kills it and answers with StepCompleted (failed, outcome {@code cancelled});
 * one that does not know the attempt (already finished) ignores it.
 */
public record StepCancelRequested(String stepId, String nodeId, NodeKind kind, int attempt, String reason)
        implements EventPayload {

    /** The same, naming the kind by its wire name (an unknown name is refused). */
    public StepCancelRequested(String stepId, String nodeId, String kind, int attempt, String reason) {
        this(stepId, nodeId, NodeKind.parse(kind), attempt, reason);
    }

    public NodeKind.Executor executor() {
        if (kind == null) {
            throw new IllegalArgumentException("a step cancel request needs a node kind");
        }
        return kind.executor();
    }
}
