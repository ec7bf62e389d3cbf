package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.NodeKind;

/**
 * Executes one node kind. Runs only after the step's targets passed the scope check.
 * Bad config or upstream input is reported by throwing {@link StepInputException}.
 */
public interface StepExecutor {

    NodeKind kind();

    StepResult execute(StepRequested step, StepLog log);

    /** The same, knowing the run: executors that label what they start with the run id override this. */
    default StepResult execute(String runId, StepRequested step, StepLog log) {
        return execute(step, log);
    }
}
