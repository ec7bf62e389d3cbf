package io.reconcraft.gateway.readmodel;

import io.reconcraft.events.StepCompleted;

/**
 * The orchestrator's step ids: {@code <runId>:<nodeId>} for a node's result, and
 * {@code <runId>:<nodeId>:<i>} for one target's task of a node that fans out per target.
 */
final class StepIds {

    private StepIds() {
    }

    static boolean isNodeResult(String runId, StepCompleted completed) {
        return completed.stepId() == null || completed.stepId().equals(runId + ":" + completed.nodeId());
    }
}
