package io.reconcraft.gateway.readmodel;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;

/** How the view of a finished run changes when the orchestrator retries it from its failed steps. */
final class RunRetry {

    /** The outcome of the RunStatusChanged(running) that announces a retry. */
    static final String OUTCOME = "retrying";

    private RunRetry() {
    }

    static Update reopen(RunView run) {
        List<StepView> steps = run.steps().stream()
                .map(step -> step.status() == RunStatus.FAILED
                        ? new StepView(step.nodeId(), step.name(), RunStatus.QUEUED, step.logs(), List.of(),
                                null, null, null)
                        : step)
                .toList();
        return new Update()
                .set("status", RunStatus.RUNNING)
                .set("steps", steps)
                .unset("endedAt")
                .unset("duration")
                .unset("outcome")
                .unset("summary");
    }
}
