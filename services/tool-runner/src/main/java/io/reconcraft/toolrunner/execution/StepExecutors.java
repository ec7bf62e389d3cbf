package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.model.NodeKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A backend's executors by node kind: one executor per kind, and only kinds the tool-runner executes. */
public final class StepExecutors {

    private final Map<NodeKind, StepExecutor> byKind = new EnumMap<>(NodeKind.class);

    /** Registers {@code executor} for {@code kind}. */
    public StepExecutors with(NodeKind kind, StepExecutor executor) {
        if (kind.executor() != NodeKind.Executor.TOOL_RUNNER) {
            throw new IllegalStateException(kind + " is not executed by the tool-runner");
        }
        if (byKind.putIfAbsent(kind, executor) != null) {
            throw new IllegalStateException("two executors for " + kind);
        }
        return this;
    }

    public Optional<StepExecutor> of(NodeKind kind) {
        return kind == null ? Optional.empty() : Optional.ofNullable(byKind.get(kind));
    }
}
