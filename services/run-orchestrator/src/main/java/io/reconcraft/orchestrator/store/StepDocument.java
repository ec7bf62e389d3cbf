package io.reconcraft.orchestrator.store;

import io.reconcraft.events.model.RunStatus;
import java.time.Instant;
import java.util.List;

/**
 * The state of one node of a run. Findings and outputs are kept as JSON text: they come from tools
 * (untrusted, any map keys, including ones MongoDB field names cannot hold) and are only ever read back whole.
 *
 * @param deadline        after this instant a running step is failed with outcome {@code timeout}
 * @param dueAt           for a waiting delay step, when it is due
 * @param conditionResult for a finished condition step, which branch it chose
 * @param tasks           for a step another service executes, its units of work (one, or one per target when
 *                        the node fans out); empty for the kinds the orchestrator runs itself
 */
public record StepDocument(
        String nodeId,
        String kind,
        String name,
        String status,
        String outcome,
        int attempt,
        Instant requestedAt,
        Instant deadline,
        Instant dueAt,
        Instant completedAt,
        String error,
        String findingsJson,
        String outputsJson,
        Boolean conditionResult,
        List<TaskDocument> tasks) {

    public StepDocument {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public static StepDocument queued(String nodeId, String kind, String name) {
        return new StepDocument(nodeId, kind, name, RunStatus.QUEUED.wireName(), null, 1,
                null, null, null, null, null, null, null, null, List.of());
    }

    /** Queued again as {@code attempt} with its result cleared; {@code tasks} are what it keeps of its work. */
    public StepDocument requeued(int attempt, List<TaskDocument> tasks) {
        return new StepDocument(nodeId, kind, name, RunStatus.QUEUED.wireName(), null, attempt,
                null, null, null, null, null, null, null, null, tasks);
    }

    /**
     * This step and its only task ended with {@code result} now: as {@link TaskStore} writes the two in one update,
     * the findings and outputs in the task alone.
     */
    public StepDocument endedWithItsOnlyTask(StepResult result, Instant now) {
        TaskDocument task = tasks.get(0).endedWith(result, now);
        return new StepDocument(nodeId, kind, name, result.status().wireName(), result.outcome(), attempt, requestedAt,
                deadline, dueAt, now, result.error(), null, null, result.conditionResult(), List.of(task));
    }

    /** This queued step executed at once and ended with {@code result} now, as {@link RunStore}'s end of such a step writes it. */
    public StepDocument executedAtOnce(StepResult result, Instant now) {
        return new StepDocument(nodeId, kind, name, result.status().wireName(), result.outcome(), attempt, now, null,
                null, now, result.error(), StepJson.write(result.findings()), StepJson.write(result.outputs()),
                result.conditionResult(), tasks);
    }

    /** This step with {@code tasks} in place of its own. */
    StepDocument withTasks(List<TaskDocument> tasks) {
        return new StepDocument(nodeId, kind, name, status, outcome, attempt, requestedAt, deadline, dueAt, completedAt,
                error, findingsJson, outputsJson, conditionResult, tasks);
    }

    /** This step as the run document holds it (see {@link TaskDocument#asStored}). */
    StepDocument asStored() {
        return withTasks(tasks.stream().map(TaskDocument::asStored).toList());
    }

    public boolean hasTasks() {
        return !tasks.isEmpty();
    }

    public int taskIndexOf(String stepId) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).stepId().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    public RunStatus runStatus() {
        return RunStatus.fromWire(status);
    }

    public boolean isTerminal() {
        return runStatus().isTerminal();
    }
}
