package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.model.NodeKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A backend's executors, registered by the node kind each declares; one executor per kind. */
public final class StepExecutors {

    private final Map<NodeKind, StepExecutor> byKind = new EnumMap<>(NodeKind.class);

    public StepExecutors(StepExecutor... executors) {
        for (StepExecutor executor : executors) {
            if (executor.kind().executor() != NodeKind.Executor.TOOL_RUNNER) {
                throw new IllegalStateException(executor.kind() + " is not executed by the tool-runner");
            }
            if (byKind.put(executor.kind(), executor) != null) {
                throw new IllegalStateException("two executors for " + executor.kind());
            }
        }
    }

    public Optional<StepExecutor> of(NodeKind kind) {
        return kind == null ? Optional.empty() : Optional.ofNullable(byKind.get(kind));
    }
}
