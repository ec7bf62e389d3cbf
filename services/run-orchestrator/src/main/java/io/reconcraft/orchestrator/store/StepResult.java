package io.reconcraft.orchestrator.store;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import java.util.List;
import java.util.Map;

/** How a step ended, whoever executed it. */
public record StepResult(
        RunStatus status,
        String outcome,
        String error,
        List<Finding> findings,
        Map<String, Object> outputs,
        Boolean conditionResult) {

    public StepResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
        outputs = outputs == null ? Map.of() : outputs;
    }

    public static StepResult succeeded(Map<String, Object> outputs) {
        return new StepResult(RunStatus.SUCCEEDED, null, null, List.of(), outputs, null);
    }

    public static StepResult failed(String outcome, String error) {
        return new StepResult(RunStatus.FAILED, outcome, error, List.of(), Map.of(), null);
    }

    public static StepResult skipped() {
        return new StepResult(RunStatus.SUCCEEDED, StepOutcome.SKIPPED.wire(), null, List.of(), Map.of(), null);
    }
}
