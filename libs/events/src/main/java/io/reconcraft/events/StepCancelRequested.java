package io.reconcraft.events;

import io.reconcraft.events.model.NodeKind;

/**
 * The orchestrator asks the executor of a running step attempt to stop it (the run was cancelled).
 * It travels on the same step-requests topic as the step's StepRequested, keyed by run id, so it stays
 * ordered after the request it cancels. {@code kind} only routes it to the executor's topic. An executor
 * that holds the attempt kills it and answers with StepCompleted (failed, outcome {@code cancelled});
 * one that does not know the attempt (already finished) ignores it.
 */
public record StepCancelRequested(String stepId, String nodeId, String kind, int attempt, String reason)
        implements EventPayload {

    public NodeKind.Executor executor() {
        return NodeKind.fromWire(kind)
                .orElseThrow(() -> new IllegalArgumentException("unknown node kind '" + kind + "'"))
                .executor();
    }
}
