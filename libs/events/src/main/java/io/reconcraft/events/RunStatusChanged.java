package io.reconcraft.events;

import io.reconcraft.events.model.RunStatus;

/** The orchestrator moved a run to a new status (for example from queued to running). */
public record RunStatusChanged(RunStatus status, String outcome, String reason) implements EventPayload {
}
