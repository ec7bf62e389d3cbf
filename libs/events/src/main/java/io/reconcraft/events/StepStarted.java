package io.reconcraft.events;

/** An executor began a step; {@code worker} names the instance, so scale-out is observable. */
public record StepStarted(String stepId, String nodeId, int attempt, String worker) implements EventPayload {
}
