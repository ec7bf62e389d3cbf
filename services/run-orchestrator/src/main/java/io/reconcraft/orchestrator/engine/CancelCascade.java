package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskDocument;
import io.reconcraft.orchestrator.store.TaskRef;
import io.reconcraft.orchestrator.store.TaskStore;
import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What a cancelled run does instead of starting work: steps and tasks that have not started end failed
 * with outcome {@code cancelled}; a delay that waits ends the same way; every running task attempt gets a
 * StepCancelRequested to its executor and a deadline of now + {@code cancel-grace}: the executor's answer
 * ends it, or the deadline sweep does (outcome {@code cancelled}). The run ends when every step has ended.
 * Each transition is conditional, so a repeated pass (redelivered cancel, crash, concurrent caller) repeats nothing.
 */
@Component
@RequiredArgsConstructor
public class CancelCascade {

    private final StepFinisher stepFinisher;
    private final TaskResults taskResults;
    private final TaskStore tasks;
    private final EventPublisher publisher;
    private final OrchestratorProperties properties;
    private final Clock clock;

    static String reason(RunDocument run) {
        return "run cancelled" + (run.cancelledBy() == null ? "" : " by " + run.cancelledBy())
                + (run.cancelReason() == null || run.cancelReason().isBlank() ? "" : ": " + run.cancelReason());
    }

    /** Whether anything changed. */
    boolean apply(RunView view) {
        RunDocument run = view.run();
        String reason = reason(run);
        StepResult cancelled = StepResult.failed(StepOutcome.CANCELLED.wire(), reason);
        boolean changed = false;
        for (int i = 0; i < run.steps().size(); i++) {
            StepDocument step = run.steps().get(i);
            if (step.runStatus() == RunStatus.QUEUED) {
                changed |= stepFinisher.finishUnrun(run.id(), i, step, cancelled, List.of(reason + "; the step never started"));
            } else if (step.runStatus() == RunStatus.RUNNING && !step.hasTasks()) {
                changed |= stepFinisher.finishRunning(run.id(), i, step, cancelled, List.of(reason), RunStatus.RUNNING);
            } else if (step.runStatus() == RunStatus.RUNNING) {
                for (int j = 0; j < step.tasks().size(); j++) {
                    changed |= cancelTask(view, TaskRef.of(run, i, j), cancelled, reason);
                }
            }
        }
        return changed;
    }

    private boolean cancelTask(RunView view, TaskRef ref, StepResult cancelled, String reason) {
        TaskDocument task = ref.task();
        if (task.runStatus() == RunStatus.QUEUED) {
            return taskResults.decided(view, ref, RunStatus.QUEUED, cancelled, reason + "; the task never started");
        }
        if (task.runStatus() != RunStatus.RUNNING || task.isCancelRequested()) {
            return false;
        }
        // Signal first: a signal sent twice is harmless, a signal lost would leave the container running.
        publisher.publish(ref.runId(), new StepCancelRequested(task.stepId(), ref.step().nodeId(), ref.step().kind(),
                task.attempt(), reason));
        return tasks.requestCancel(ref, clock.instant().plus(properties.cancelGrace()));
    }
}
