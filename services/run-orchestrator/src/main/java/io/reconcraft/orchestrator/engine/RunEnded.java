package io.reconcraft.orchestrator.engine;

/**
 * A run reached its final status here; {@code wasRunning} when it had been admitted (not ended while queued), and
 * the admission group it was admitted in.
 */
public record RunEnded(String runId, boolean wasRunning, String admissionGroup) {
}
