package io.reconcraft.gateway.readmodel;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.gateway.run.StepView;
import java.util.List;

/** How the view of a finished run changes when the orchestrator retries it from its failed steps. */
final class RunRetry {

    private RunRetry() {
    }

    /**
     * The run is started again, now by a retry: its trigger says so, and still names the schedule it came from, so
     * it stays listed as that schedule's run.
     */
    static void reopen(RunState run) {
        List<StepView> steps = run.steps().stream()
                .map(step -> step.status() == RunStatus.FAILED
                        ? new StepView(step.nodeId(), step.name(), RunStatus.QUEUED, step.logs(), List.of(),
                                null, null, null)
                        : step)
                .toList();
        run.replaceSteps(steps);
        run.status(RunStatus.RUNNING);
        run.ended(null, null, null);
        run.outcome(null);
        run.trigger(new RunTrigger(RunTrigger.Type.RETRY, run.trigger() == null ? null : run.trigger().scheduleId()));
    }
}
