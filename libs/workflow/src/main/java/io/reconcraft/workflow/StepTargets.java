package io.reconcraft.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one rule for which targets a step works on, read by the orchestrator when it plans a node and its tasks,
 * and by the executors (and the tool-runner's scope check) when they run a step: the node's own
 * {@code config.targets} when it has some, else the targets it was given (the run's targets for a node, the
 * request's for a step). A fan-out task therefore carries its one target in both places.
 */
public final class StepTargets {

    private StepTargets() {
    }

    /**
     * @param config the node's config; {@code targets}, when present, must be a list of strings (blank entries
     *               are ignored, the others trimmed)
     * @param given  the targets the step was handed, used as they are when the config names none
     * @throws IllegalArgumentException "must be a list of strings" when {@code config.targets} is something else
     */
    public static List<String> of(Map<String, Object> config, List<String> given) {
        List<String> own = new ArrayList<>();
        for (String target : ConfigValues.strings(config == null ? Map.of() : config, "targets")) {
            if (!target.isBlank()) {
                own.add(target.trim());
            }
        }
        return own.isEmpty() ? given : own;
    }
}
