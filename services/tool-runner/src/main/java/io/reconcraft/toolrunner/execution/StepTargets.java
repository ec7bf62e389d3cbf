package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.StepRequested;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The targets of a step as the tool-runner reads them: by the one rule of {@link io.reconcraft.workflow.StepTargets}. */
public final class StepTargets {

    private StepTargets() {
    }

    /**
     * What the step works on: its {@code config.targets} when it has some, else the request's targets.
     *
     * @throws StepInputException when {@code config.targets} is not a list of strings
     */
    public static List<String> of(StepRequested step) {
        try {
            return io.reconcraft.workflow.StepTargets.of(step.config(), given(step));
        } catch (IllegalArgumentException e) {
            throw new StepInputException(step.kind() + " config 'targets' " + e.getMessage());
        }
    }

    /**
     * Every target the request names, in its config or not: what the scope check holds against the allow-list,
     * so that nothing a request carries escapes it whichever list an executor reads.
     */
    public static List<String> named(StepRequested step) {
        Set<String> named = new LinkedHashSet<>(of(step));
        named.addAll(given(step));
        return List.copyOf(named);
    }

    private static List<String> given(StepRequested step) {
        return step.targets().stream().map(target -> target == null ? "" : target.trim()).toList();
    }
}
