package io.reconcraft.toolrunner.scope;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.StepTargets;
import io.reconcraft.workflow.InvalidTargetException;
import io.reconcraft.workflow.Scope;
import io.reconcraft.workflow.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last line of the product's promise, checked before anything runs in every mode: each target
 * is a valid target, and in live mode lies inside the scope the operator authorized for the run.
 */
public final class ScopeCheck {

    private ScopeCheck() {
    }

    /** The failure to report instead of running the step, or empty when the step may run. */
    public static Optional<StepResult> violation(StepRequested step) {
        List<String> targets;
        try {
            targets = StepTargets.of(step);
        } catch (StepInputException e) {
            return Optional.of(StepResult.failed(StepResult.INVALID_INPUT, e.getMessage()));
        }
        List<String> invalid = new ArrayList<>();
        for (String target : targets) {
            try {
                Target.parse(target);
            } catch (InvalidTargetException e) {
                invalid.add(e.getMessage());
            }
        }
        if (!invalid.isEmpty()) {
            return Optional.of(StepResult.failed(StepResult.OUT_OF_SCOPE,
                    "out of scope: invalid target " + String.join("; ", invalid)));
        }
        if (step.runMode() != RunMode.DEMO) {
            List<String> outside = Scope.of(step.scope()).outOfScope(targets);
            if (!outside.isEmpty()) {
                return Optional.of(StepResult.failed(StepResult.OUT_OF_SCOPE,
                        "out of scope: " + String.join(", ", outside)));
            }
        }
        return Optional.empty();
    }
}
