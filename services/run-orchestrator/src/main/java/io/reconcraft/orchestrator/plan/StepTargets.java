package io.reconcraft.orchestrator.plan;

import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.workflow.ConfigValues;
import java.util.List;

/** The targets a step works on: its own {@code config.targets} when it has some, else the run's. */
public final class StepTargets {

    private StepTargets() {
    }

    /** @throws IllegalArgumentException when {@code config.targets} is not a list of strings */
    public static List<String> of(WorkflowNode node, List<String> runTargets) {
        List<String> own;
        try {
            own = ConfigValues.strings(node.config(), "targets");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config.targets " + e.getMessage());
        }
        return own.isEmpty() ? runTargets : own;
    }
}
