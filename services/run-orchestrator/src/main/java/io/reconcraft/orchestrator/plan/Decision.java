package io.reconcraft.orchestrator.plan;

/** What to do next with one queued node; {@code reason} explains a skip or an upstream failure. */
public record Decision(String nodeId, Action action, String reason) {

    public enum Action {
        /** every parent is done and at least one edge into the node was taken */
        RUN,
        /** only reachable through edges that were not taken */
        SKIP,
        /** a parent failed, so the node can never run */
        FAIL_UPSTREAM
    }
}
