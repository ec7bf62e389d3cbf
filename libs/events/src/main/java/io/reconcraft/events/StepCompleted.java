package io.reconcraft.events;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.StepOutcome;
import java.util.List;
import java.util.Map;

/**
 * A step ended. {@code status} is succeeded or failed; {@code outcome} refines it (timeout, skipped,
 * upstream_failed, cancelled, out_of_scope); {@code error} is the human-readable reason of a failure.
 */
public record StepCompleted(
        String stepId,
        String nodeId,
        int attempt,
        RunStatus status,
        StepOutcome outcome,
        String error,
        List<Finding> findings,
        Map<String, Object> outputs) implements EventPayload {

    public StepCompleted {
        findings = findings == null ? List.of() : List.copyOf(findings);
        outputs = outputs == null ? Map.of() : outputs;
    }

    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED;
    }
}
