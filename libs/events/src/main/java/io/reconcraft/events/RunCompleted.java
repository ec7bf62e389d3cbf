package io.reconcraft.events;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;

/** The final event of a run: {@code status} is succeeded or failed; {@code outcome} says why when it is not plain. */
public record RunCompleted(RunStatus status, String outcome, String reason, RunSummary summary)
        implements EventPayload {
}
