package io.reconcraft.orchestrator.execute;

import io.reconcraft.events.model.NodeKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The executor of each kind the orchestrator runs itself; two executors for one kind is a startup error. */
@Component
public class InternalExecutors {

    private final Map<NodeKind, InternalStepExecutor> byKind = new EnumMap<>(NodeKind.class);

    public InternalExecutors(List<InternalStepExecutor> executors) {
        for (InternalStepExecutor executor : executors) {
            if (executor.kind().executor() != NodeKind.Executor.ORCHESTRATOR) {
                throw new IllegalStateException(executor.kind() + " is not executed by the orchestrator");
            }
            if (byKind.put(executor.kind(), executor) != null) {
                throw new IllegalStateException("two executors for " + executor.kind());
            }
        }
    }

    public Optional<InternalStepExecutor> of(NodeKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
