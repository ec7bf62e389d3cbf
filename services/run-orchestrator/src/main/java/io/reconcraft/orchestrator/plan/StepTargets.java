package io.reconcraft.orchestrator.plan;

import io.reconcraft.events.model.WorkflowNode;
import java.util.List;

/** The targets a node works on, by the one rule in {@link io.reconcraft.workflow.StepTargets}. */
public final class StepTargets {

    private StepTargets() {
    }

    /** @throws IllegalArgumentException when {@code config.targets} is not a list of strings */
    public static List<String> of(WorkflowNode node, List<String> runTargets) {
        try {
            return io.reconcraft.workflow.StepTargets.of(node.config(), runTargets);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config.targets " + e.getMessage());
        }
    }
}
