package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.model.StepId;
import io.reconcraft.events.EventPayload;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.orchestrator.plan.TaskMerge;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskDocument;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Ends a step executed elsewhere once all its tasks have ended, with their merged result.
 *
 * <p>The rule for the run's step view: a step that fans out has task events with the node's
 * {@code nodeId} and the task's {@code stepId} ({@code <runId>:<nodeId>:<i>}); StepStarted and StepLog of
 * its tasks are the node's progress and logs, but the StepCompleted of a task is partial. The node's
 * result is the ONE StepCompleted with stepId {@code <runId>:<nodeId>} that this class publishes when
 * every task has ended, carrying the merged findings and outputs. A step with a single task publishes
 * nothing here: the StepCompleted of its task already has the node's stepId.
 */
@Component
@RequiredArgsConstructor
public class StepAggregator {

    private final RunStore store;
    private final EventPublisher publisher;
    private final Clock clock;

    /** Whether a step was ended. */
    boolean completeDone(RunView view) {
        RunDocument run = view.run();
        boolean ended = false;
        for (int i = 0; i < run.steps().size(); i++) {
            StepDocument step = run.steps().get(i);
            if (step.runStatus() == RunStatus.RUNNING && step.hasTasks()
                    && step.tasks().stream().allMatch(TaskDocument::isTerminal)) {
                ended |= complete(run.id(), i, step);
            }
        }
        return ended;
    }

    private boolean complete(String runId, int index, StepDocument step) {
        StepResult result = TaskMerge.merge(step);
        if (!store.completeStep(runId, index, step.attempt(), result, clock.instant())) {
            return false;
        }
        if (step.tasks().size() == 1) {
            return true;
        }
        String stepId = StepId.of(runId, step.nodeId()).wire();
        long failed = step.tasks().stream().filter(task -> task.runStatus() == RunStatus.FAILED).count();
        try {
            publishOrReopen(runId, index, List.of(new StepLog(stepId, step.nodeId(), step.attempt(), List.of(
                    "all " + step.tasks().size() + " tasks ended: " + (step.tasks().size() - failed) + " succeeded, "
                            + failed + " failed")),
                    new StepCompleted(stepId, step.nodeId(), step.attempt(), result.status(),
                            StepOutcome.of(result.outcome()), result.error(), result.findings(), result.outputs())));
        } catch (RuntimeException e) {
            Optional<String> never = EventPublisher.permanentFailure(e);
            if (never.isEmpty()) {
                throw e;
            }
            return failUnsendable(runId, index, step, stepId, never.get());
        }
        return true;
    }

    /**
     * The merged result can never be sent (larger than the bus takes even compressed): the step fails with the
     * reason, its result without the findings and outputs, instead of being completed and reopened on every pass.
     */
    private boolean failUnsendable(String runId, int index, StepDocument step, String stepId, String reason) {
        StepResult failed = StepResult.failed(null, "the merged result of its " + step.tasks().size()
                + " tasks could not be sent: " + reason);
        if (!store.completeStep(runId, index, step.attempt(), failed, clock.instant())) {
            return false;
        }
        publishOrReopen(runId, index, List.of(new StepCompleted(stepId, step.nodeId(), step.attempt(),
                RunStatus.FAILED, null, failed.error(), List.of(), Map.of())));
        return true;
    }

    /** A just-completed step's events; should they not be sent, the step is running again, to be completed anew. */
    private void publishOrReopen(String runId, int index, List<EventPayload> events) {
        try {
            publisher.publishAll(runId, events);
        } catch (RuntimeException e) {
            store.reopenStep(runId, index, RunStatus.RUNNING);
            throw e;
        }
    }
}
