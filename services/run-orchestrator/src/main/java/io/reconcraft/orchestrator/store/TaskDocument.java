package io.reconcraft.orchestrator.store;

import io.reconcraft.events.model.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One unit of work of an externally executed step: the whole step, or, for a node that fans out, one
 * of its targets. {@code stepId} is what the executor sees; with {@code attempt} it names the one result
 * that can end the current attempt.
 *
 * @param target          the single target of a fan-out task; null when the task carries all the step's targets
 * @param retriesUsed     automatic retries spent in this round (a run retry starts a new round)
 * @param retryAt         for a queued task waiting to be retried, when it may start
 * @param findingsJson    the ended attempt's findings; in a run that keeps its tasks' results apart
 *                        ({@link TaskResultStore}), filled in from there when the run is read, never stored here
 * @param outputsJson     the ended attempt's outputs, kept as its findings are
 * @param resultId        the stored result of the ended attempt in a run that keeps them apart; null otherwise
 * @param cancelRequested the executor was asked to stop this attempt
 * @param attempts        every finished attempt, oldest first
 */
public record TaskDocument(
        String stepId,
        String target,
        String status,
        int attempt,
        int retriesUsed,
        Instant requestedAt,
        Instant deadline,
        Instant retryAt,
        Instant completedAt,
        String outcome,
        String error,
        String findingsJson,
        String outputsJson,
        String resultId,
        Boolean cancelRequested,
        List<AttemptRecord> attempts) {

    public TaskDocument {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public static TaskDocument queued(String stepId, String target, int attempt) {
        return new TaskDocument(stepId, target, RunStatus.QUEUED.wireName(), attempt, 0, null, null, null, null,
                null, null, null, null, null, false, List.of());
    }

    /** The same task queued again as {@code attempt}, its history kept, its result and retry budget cleared. */
    public TaskDocument requeued(int attempt) {
        return new TaskDocument(stepId, target, RunStatus.QUEUED.wireName(), attempt, 0, null, null, null, null,
                null, null, null, null, null, false, attempts);
    }

    /** This queued task as started now, given up on after {@code deadline}. */
    public TaskDocument startedAt(Instant now, Instant deadline) {
        return new TaskDocument(stepId, target, RunStatus.RUNNING.wireName(), attempt, retriesUsed, now, deadline, null,
                completedAt, outcome, error, findingsJson, outputsJson, resultId, cancelRequested, attempts);
    }

    /**
     * This running task ended with {@code result} now, as {@link TaskStore}'s end writes it in a run that keeps its
     * tasks' results in them.
     */
    public TaskDocument endedWith(StepResult result, Instant now) {
        List<AttemptRecord> recorded = new ArrayList<>(attempts);
        recorded.add(new AttemptRecord(attempt, result.status().wireName(), result.outcome(), result.error(), requestedAt,
                now, null));
        return new TaskDocument(stepId, target, result.status().wireName(), attempt, retriesUsed, requestedAt, null, null,
                now, result.outcome(), result.error(), StepJson.write(result.findings()), StepJson.write(result.outputs()),
                null, cancelRequested, recorded);
    }

    /** This task with its result's findings and outputs filled in from where the run keeps them apart. */
    TaskDocument withResult(String findingsJson, String outputsJson) {
        return new TaskDocument(stepId, target, status, attempt, retriesUsed, requestedAt, deadline, retryAt,
                completedAt, outcome, error, findingsJson, outputsJson, resultId, cancelRequested, attempts);
    }

    /** This task as the run document holds it: a result kept apart without the copy filled in when it was read. */
    TaskDocument asStored() {
        return resultId == null || findingsJson == null ? this : withResult(null, null);
    }

    /** Refers to a result kept apart that was not filled in when the run was read. */
    boolean lacksItsResult() {
        return resultId != null && findingsJson == null;
    }

    public RunStatus runStatus() {
        return RunStatus.fromWire(status);
    }

    public boolean isTerminal() {
        return runStatus().isTerminal();
    }

    public boolean isCancelRequested() {
        return Boolean.TRUE.equals(cancelRequested);
    }

    /** Queued and not waiting for a retry due time. */
    public boolean isReady(Instant now) {
        return runStatus() == RunStatus.QUEUED && (retryAt == null || !retryAt.isAfter(now));
    }
}
