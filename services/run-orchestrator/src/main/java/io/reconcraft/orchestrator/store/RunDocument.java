package io.reconcraft.orchestrator.store;

import io.reconcraft.events.model.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run, one document: every change is a single-document atomic update addressed by the step's
 * index in {@code steps}, which follows the (frozen) order of the workflow snapshot's nodes.
 *
 * @param cancelRequestedAt set once a cancel was accepted: nothing new starts and the run ends cancelled
 * @param retryRound        how many times the run was retried from its failed steps
 * @param activeTasks       tasks running now; changed in the same update as each task's status, so the
 *                          per-run concurrency cap holds even with several dispatchers
 * @param admissionGroup    the queue the run waits in until it is admitted (see AdmissionGroup)
 * @param revision          how many updates the run has had: each one counts itself ({@link GuardedRunUpdate})
 */
@Document(RunDocument.COLLECTION)
public record RunDocument(
        @Id String id,
        String workflowJson,
        List<String> targets,
        String runMode,
        List<String> scope,
        String status,
        String outcome,
        String reason,
        Instant createdAt,
        Instant completedAt,
        List<StepDocument> steps,
        Instant cancelRequestedAt,
        String cancelledBy,
        String cancelReason,
        int retryRound,
        int activeTasks,
        String admissionGroup,
        long revision) {

    public static final String COLLECTION = "runs";

    public RunDocument {
        targets = targets == null ? List.of() : List.copyOf(targets);
        scope = scope == null ? List.of() : List.copyOf(scope);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public static RunDocument accepted(String id, String workflowJson, List<String> targets, String runMode,
                                       List<String> scope, Instant createdAt, List<StepDocument> steps,
                                       String admissionGroup) {
        return new RunDocument(id, workflowJson, targets, runMode, scope, RunStatus.QUEUED.wireName(), null, null,
                createdAt, null, steps, null, null, null, 0, 0, admissionGroup, 0);
    }

    /** This run with the step at {@code index} replaced and {@code activeDelta} more tasks running. */
    public RunDocument withStep(int index, StepDocument step, int activeDelta) {
        List<StepDocument> changed = new ArrayList<>(steps);
        changed.set(index, step);
        return new RunDocument(id, workflowJson, targets, runMode, scope, status, outcome, reason, createdAt, completedAt,
                changed, cancelRequestedAt, cancelledBy, cancelReason, retryRound, activeTasks + activeDelta,
                admissionGroup, revision);
    }

    /** This run with {@code steps} in place of its own. */
    RunDocument withSteps(List<StepDocument> steps) {
        return new RunDocument(id, workflowJson, targets, runMode, scope, status, outcome, reason, createdAt, completedAt,
                steps, cancelRequestedAt, cancelledBy, cancelReason, retryRound, activeTasks, admissionGroup, revision);
    }

    public boolean isCancelRequested() {
        return cancelRequestedAt != null;
    }

    public RunStatus runStatus() {
        return RunStatus.fromWire(status);
    }

    public int indexOf(String nodeId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).nodeId().equals(nodeId)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<StepDocument> step(String nodeId) {
        int index = indexOf(nodeId);
        return index < 0 ? Optional.empty() : Optional.of(steps.get(index));
    }

    public int runningTasks() {
        return (int) steps.stream().flatMap(step -> step.tasks().stream())
                .filter(task -> task.runStatus() == RunStatus.RUNNING).count();
    }

    public boolean allStepsTerminal() {
        return steps.stream().allMatch(StepDocument::isTerminal);
    }
}
