package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.StepRequested;

/**
 * What an executor is handed for one step attempt.
 *
 * @param runId the run the step belongs to, which labels the containers it starts; null outside a run (tests)
 * @param step  the request, already checked against the scope
 * @param log   where the step's log lines go
 */
public record StepContext(String runId, StepRequested step, StepLog log) {

    /** A step outside any run. */
    public static StepContext of(StepRequested step, StepLog log) {
        return new StepContext(null, step, log);
    }
}
