package io.reconcraft.toolrunner.execution;

/**
 * Executes one node kind (the kind it is registered under in its backend's {@link StepExecutors}). Runs only after
 * the step's targets passed the scope check. Bad config or upstream input is reported by throwing
 * {@link StepInputException}.
 */
@FunctionalInterface
public interface StepExecutor {

    StepResult execute(StepContext context);
}
