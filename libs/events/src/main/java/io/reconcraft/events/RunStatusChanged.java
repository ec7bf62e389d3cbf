package io.reconcraft.events;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.StepOutcome;

/** The orchestrator moved a run to a new status (for example from queued to running). */
public record RunStatusChanged(RunStatus status, StepOutcome outcome, String reason) implements EventPayload {
}
