package io.reconcraft.events;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.StepOutcome;

/** The final event of a run: {@code status} is succeeded or failed; {@code outcome} says why when it is not plain. */
public record RunCompleted(RunStatus status, StepOutcome outcome, String reason, RunSummary summary)
        implements EventPayload {
}
