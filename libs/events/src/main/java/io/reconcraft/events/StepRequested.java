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
        String kind,
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

    public NodeKind.Executor executor() {
        return NodeKind.fromWire(kind)
                .orElseThrow(() -> new IllegalArgumentException("unknown node kind '" + kind + "'"))
                .executor();
    }
}
