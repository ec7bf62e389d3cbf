package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.StepRequested;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every target a step would touch: the run's targets handed to it, plus any written in its node config. */
public final class StepTargets {

    private StepTargets() {
    }

    public static List<String> of(StepRequested step) {
        Set<String> targets = new LinkedHashSet<>();
        for (String target : step.targets()) {
            targets.add(target == null ? "" : target.trim());
        }
        targets.addAll(new StepConfig(String.valueOf(step.kind()), step.config()).textList("targets"));
        return new ArrayList<>(targets);
    }
}
