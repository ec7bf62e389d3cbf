package io.reconcraft.events;

/**
 * Run a finished, failed run again from where it failed: its failed and never-run steps run again,
 * the steps that succeeded keep their outputs. The orchestrator ignores it for a run that is still
 * running or that succeeded.
 */
public record RunRetryRequested(String requestedBy) implements EventPayload {
}
