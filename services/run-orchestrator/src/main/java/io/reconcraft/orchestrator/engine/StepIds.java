package io.reconcraft.orchestrator.engine;

/** A step is named {@code <runId>:<nodeId>}; with the attempt it identifies the result that answers a request. */
public final class StepIds {

    private StepIds() {
    }

    public static String of(String runId, String nodeId) {
        return runId + ":" + nodeId;
    }
}
