package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import java.util.List;
import java.util.Map;

/** StepRequested values as the orchestrator sends them. */
public final class Steps {

    private Steps() {
    }

    public static StepRequested step(String kind, RunMode mode, List<String> targets, List<String> scope,
                                     Map<String, Object> config, List<UpstreamOutput> upstream) {
        return new StepRequested("run-1:" + kind + "-1", kind + "-1", kind, kind, config, targets, mode,
                new AuthorizedScope(scope), 1, 300, upstream);
    }

    public static StepRequested demo(String kind, List<String> targets, Map<String, Object> config) {
        return step(kind, RunMode.DEMO, targets, List.of(), config, List.of());
    }
}
