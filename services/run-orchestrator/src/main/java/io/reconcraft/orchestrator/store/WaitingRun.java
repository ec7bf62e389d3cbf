package io.reconcraft.orchestrator.store;

/** A run stored as waiting for admission: its id as the gateway gave it, and its admission group. */
public record WaitingRun(String runId, String admissionGroup) {
}
