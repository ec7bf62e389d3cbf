package io.reconcraft.orchestrator.execute;

import io.reconcraft.events.model.NodeKind;

/** Executes the node kinds the orchestrator runs itself; exactly one implementation per kind. */
public interface InternalStepExecutor {

    NodeKind kind();

    /** Bad config is reported as a failed {@link InternalOutcome.Completed}, never thrown. */
    InternalOutcome execute(StepContext context);
}
