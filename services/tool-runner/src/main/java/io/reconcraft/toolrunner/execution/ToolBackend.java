package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import java.util.Optional;
import lombok.RequiredArgsConstructor;

/**
 * Where tools actually run for one run mode: canned and offline for demo, a container sandbox for
 * live. Each backend offers one executor per node kind it can run.
 */
@RequiredArgsConstructor
public class ToolBackend {

    private final RunMode mode;
    private final StepExecutors executors;

    public final RunMode mode() {
        return mode;
    }

    public final Optional<StepExecutor> executorFor(NodeKind kind) {
        return executors.of(kind);
    }
}
