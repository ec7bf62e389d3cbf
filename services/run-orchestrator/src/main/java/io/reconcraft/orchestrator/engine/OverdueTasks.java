package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskDocument;
import io.reconcraft.orchestrator.store.TaskRef;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Ends the running tasks of a run whose deadline has passed without a result: outcome {@code timeout}
 * (retried like any timeout when the node has retries left), or {@code cancelled} when the executor was
 * asked to stop the attempt and did not confirm in time.
 */
@Component
@RequiredArgsConstructor
public class OverdueTasks {

    private final TaskResults taskResults;

    public void end(RunDocument run, Instant now) {
        RunView view = RunView.of(run);
        for (int i = 0; i < run.steps().size(); i++) {
            for (int j = 0; j < run.steps().get(i).tasks().size(); j++) {
                TaskDocument task = run.steps().get(i).tasks().get(j);
                if (task.runStatus() == RunStatus.RUNNING && task.deadline() != null && !task.deadline().isAfter(now)) {
                    taskResults.decided(view, TaskRef.of(run, i, j), RunStatus.RUNNING, resultOf(task), null);
                }
            }
        }
    }

    private static StepResult resultOf(TaskDocument task) {
        if (task.isCancelRequested()) {
            return StepResult.failed(StepOutcome.CANCELLED.wire(), "the executor did not confirm the cancel by " + task.deadline());
        }
        return StepResult.failed(StepOutcome.TIMEOUT.wire(), "no result by the deadline " + task.deadline() + " (requested at "
                + task.requestedAt() + ", timeout plus grace)");
    }
}
