package io.reconcraft.events;

import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unit of work for an executor. {@code stepId} is unique within the run and, together with
 * {@code attempt}, identifies the result that answers it.
 */
public record StepRequested(
        String stepId,
        String nodeId,
        NodeKind kind,
        String name,
        Map<String, Object> config,
        List<String> targets,
        RunMode runMode,
        AuthorizedScope scope,
        int attempt,
        int timeoutSeconds,
        List<UpstreamOutput> upstream) implements EventPayload {

    public StepRequested {
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        targets = targets == null ? List.of() : List.copyOf(targets);
        scope = scope == null ? AuthorizedScope.NONE : scope;
        upstream = upstream == null ? List.of() : List.copyOf(upstream);
    }

    /** The same, naming the kind by its wire name (an unknown name is refused). */
    public StepRequested(String stepId, String nodeId, String kind, String name, Map<String, Object> config,
                         List<String> targets, RunMode runMode, AuthorizedScope scope, int attempt, int timeoutSeconds,
                         List<UpstreamOutput> upstream) {
        this(stepId, nodeId, NodeKind.parse(kind), name, config, targets, runMode, scope, attempt, timeoutSeconds,
                upstream);
    }

    public NodeKind.Executor executor() {
        if (kind == null) {
            throw new IllegalArgumentException("a step request needs a node kind");
        }
        return kind.executor();
    }

    /** A copy with another config (the rest unchanged). */
    public StepRequested withConfig(Map<String, Object> config) {
        return new StepRequested(stepId, nodeId, kind, name, config, targets, runMode, scope, attempt, timeoutSeconds,
                upstream);
    }

    /** A copy with other upstream outputs (the rest unchanged). */
    public StepRequested withUpstream(List<UpstreamOutput> upstream) {
        return new StepRequested(stepId, nodeId, kind, name, config, targets, runMode, scope, attempt, timeoutSeconds,
                upstream);
    }
}
