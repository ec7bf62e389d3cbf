package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import java.util.List;
import java.util.Map;

/** How a step ended: what StepCompleted will carry, without the step's identity. */
public record StepResult(RunStatus status, String outcome, String error, List<Finding> findings,
                         Map<String, Object> outputs) {

    public StepResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
        outputs = outputs == null ? Map.of() : outputs;
    }

    public static StepResult succeeded(List<Finding> findings, Map<String, Object> outputs) {
        return new StepResult(RunStatus.SUCCEEDED, null, null, findings, outputs);
    }

    public static StepResult failed(String outcome, String error) {
        return new StepResult(RunStatus.FAILED, outcome, error, List.of(), Map.of());
    }
}
