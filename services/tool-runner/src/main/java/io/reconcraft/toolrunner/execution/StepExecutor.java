package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.model.NodeKind;

/**
 * Executes one node kind. Runs only after the step's targets passed the scope check.
 * Bad config or upstream input is reported by throwing {@link StepInputException}.
 */
public interface StepExecutor {

    NodeKind kind();

    StepResult execute(StepContext context);
}
