package io.reconcraft.orchestrator.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.reconcraft.events.model.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The transitions of tasks, each one conditional single-document update of the run, addressed as
 * {@code steps.<i>.tasks.<j>} and guarded by the task's status and attempt: a result for an older
 * attempt, a duplicate or a concurrent caller matches nothing. Every method returns whether it won.
 */
@Component
@RequiredArgsConstructor
public class TaskStore {

    private static final String ACTIVE = "activeTasks";

    private final ReactiveMongoTemplate mongo;
    private final WrittenRuns writtenRuns;
    private final RunningTaskCount running;
    private final TaskResultStore results;

    /**
     * A queued step to claim in {@link #claimSteps}: with {@code tasks} (null keeps the ones it has), of which
     * {@code starting} are started already (running), the rest queued.
     */
    public record StepClaim(int index, int attempt, List<TaskDocument> tasks, int starting) {
    }

    /**
     * queued → running for steps executed elsewhere, in one update: all of them or none (another caller claimed one,
     * or the run's cap has no room for the tasks started with them). A step without tasks gets its planned ones; a
     * step that has some (it runs again after a run retry) keeps them. A wide graph's ready nodes cost one round trip.
     */
    public boolean claimSteps(String runId, List<StepClaim> claims, Instant now, int maxActive) {
        Update update = new Update();
        Criteria guard = claiming(where("_id").is(runId), update, claims, now);
        int starting = startingIn(claims);
        if (starting > 0) {
            guard = guard.and(ACTIVE).not().gt(maxActive - starting);
            update.inc(ACTIVE, starting);
        }
        return update(guard, update, starting);
    }

    /**
     * {@link #endWithStep} and {@link #claimSteps} of the steps that end makes ready, in one update: a chain's step
     * hands over to the next for one round trip. The claims were planned from {@code asRead}, the run as this
     * instance's claim of the task left it, with the task's end applied; the guard holds every fact that plan used —
     * the task and its step running at their attempts, every other open step as read, the run running with no cancel
     * requested and {@code asRead}'s count of running tasks (the caps' room). Empty when anything changed: nothing
     * was written.
     */
    public Optional<RunDocument> endWithStepAndClaim(TaskRef task, StepResult result, RunDocument asRead,
                                                     List<StepClaim> claims, Instant now) {
        return endWithStepAnd(task, result, asRead, claims, new Update(), now);
    }

    /**
     * {@link #endWithStep} of the run's last open step and the run's end ({@code status}, {@code outcome},
     * {@code reason}) in one update, guarded as {@link #endWithStepAndClaim} is.
     */
    public Optional<RunDocument> endWithStepAndRun(TaskRef task, StepResult result, RunDocument asRead, RunStatus status,
                                                   String outcome, String reason, Instant now) {
        return endWithStepAnd(task, result, asRead, List.of(),
                RunStore.completed(new Update(), status, outcome, reason, now), now);
    }

    private Optional<RunDocument> endWithStepAnd(TaskRef task, StepResult result, RunDocument asRead,
                                                 List<StepClaim> claims, Update update, Instant now) {
        String step = "steps." + task.stepIndex() + ".";
        List<String> kept = results.keep(List.of(task), List.of(result));
        RunStore.terminalWithItsOnlyTask(addEnding(update, task, result, now, kept.get(0)), step, result, now);
        Criteria guard = asPlanned(runningWithItsStep(task), RunStatus.RUNNING, asRead, task.stepIndex(), claims);
        guard = claiming(guard, update, claims, now);
        int delta = startingIn(claims) - 1;
        if (delta != 0) {
            update.inc(ACTIVE, delta);
        }
        return Optional.ofNullable(write(guard, update, delta, kept));
    }

    /**
     * A queued step the orchestrator executed at once ended with {@code result}, as {@link RunStore}'s
     * {@code completeQueuedStep} writes it, and the {@code claims} of the steps that end makes ready, in one update:
     * the run's start hands over to its first scans for one round trip. Guarded as {@link #endWithStepAndClaim} is,
     * with the step queued at {@code attempt} in place of a running task. A run read {@code queued} is admitted by
     * the same update (guarded queued, written running): its admission costs no round trip of its own. Empty when
     * anything changed.
     */
    public Optional<RunDocument> endQueuedStepAndClaim(int index, int attempt, StepResult result, RunDocument asRead,
                                                       List<StepClaim> claims, Instant now) {
        String step = "steps." + index + ".";
        Update update = RunStore.terminal(new Update().set(step + "attempt", attempt).set(step + "requestedAt", now)
                .set(step + "deadline", null).set(step + "dueAt", null), step, result, now);
        boolean admitting = asRead.runStatus() == RunStatus.QUEUED;
        if (admitting) {
            update.set("status", RunStatus.RUNNING.wireName());
        }
        Criteria guard = asPlanned(where("_id").is(asRead.id()).and(step + "status").is(RunStatus.QUEUED.wireName())
                .and(step + "attempt").is(attempt), asRead.runStatus(), asRead, index, claims);
        guard = claiming(guard, update, claims, now);
        int delta = startingIn(claims);
        if (delta != 0) {
            update.inc(ACTIVE, delta);
        }
        return Optional.ofNullable(write(guard, update, delta));
    }

    /**
     * Undoes {@link #endQueuedStepAndClaim} whose events could not be sent: the step and the claimed ones as they
     * were read (and a run it admitted queued again), so that a later pass executes the step again; false when they
     * changed since (then they are left).
     */
    public boolean undoEndQueuedStepAndClaim(RunDocument asRead, int index, RunDocument written, List<StepClaim> claims) {
        Criteria guard = where("_id").is(asRead.id());
        Update update = new Update();
        if (asRead.runStatus() == RunStatus.QUEUED) {
            // admitted by the update undone: queued again, for the admission's next pass
            guard = guard.and("status").is(RunStatus.RUNNING.wireName());
            update.set("status", RunStatus.QUEUED.wireName());
        }
        for (int i : indexes(index, claims)) {
            StepDocument now = written.steps().get(i);
            guard = guard.and("steps." + i + ".status").is(now.status()).and("steps." + i + ".attempt").is(now.attempt());
            update.set("steps." + i, asRead.steps().get(i).asStored());
        }
        int delta = -startingIn(claims);
        if (delta != 0) {
            update.inc(ACTIVE, delta);
        }
        return update(guard, update, delta);
    }

    private static List<Integer> indexes(int index, List<StepClaim> claims) {
        List<Integer> indexes = new ArrayList<>();
        indexes.add(index);
        claims.forEach(claim -> indexes.add(claim.index()));
        return indexes;
    }

    /**
     * Adds to {@code guard} the facts a plan made from {@code asRead} used: the run at {@code status} with no cancel requested,
     * its count of running tasks (the caps' room) and every other open step at the status and attempt read (besides
     * the step at {@code index}, guarded by the caller, and the claimed ones, guarded by {@link #claiming}).
     */
    private static Criteria asPlanned(Criteria guard, RunStatus status, RunDocument asRead, int index,
                                      List<StepClaim> claims) {
        guard = guard.and("status").is(status.wireName()).and("cancelRequestedAt").is(null)
                .and(ACTIVE).is(asRead.activeTasks());
        Set<Integer> claimed = claims.stream().map(StepClaim::index).collect(Collectors.toSet());
        for (int i = 0; i < asRead.steps().size(); i++) {
            StepDocument other = asRead.steps().get(i);
            if (i != index && !claimed.contains(i) && !other.isTerminal()) {
                guard = guard.and("steps." + i + ".status").is(other.status()).and("steps." + i + ".attempt")
                        .is(other.attempt());
            }
        }
        return guard;
    }

    /** Adds each claim's guard (queued at its attempt) to {@code guard} and its change to {@code update}. */
    private static Criteria claiming(Criteria guard, Update update, List<StepClaim> claims, Instant now) {
        for (StepClaim claim : claims) {
            String path = "steps." + claim.index() + ".";
            guard = guard.and(path + "status").is(RunStatus.QUEUED.wireName()).and(path + "attempt").is(claim.attempt());
            update.set(path + "status", RunStatus.RUNNING.wireName()).set(path + "requestedAt", now)
                    .set(path + "deadline", null).set(path + "dueAt", null);
            if (claim.tasks() != null) {
                update.set(path + "tasks", claim.tasks().stream().map(TaskDocument::asStored).toList());
            }
        }
        return guard;
    }

    private static int startingIn(List<StepClaim> claims) {
        return claims.stream().mapToInt(StepClaim::starting).sum();
    }

    /**
     * queued → running for tasks of one run, each with the deadline after which the orchestrator gives up on it, in
     * one update: all or none (another caller changed one of them, or the run's cap has no room for all).
     */
    public boolean claimAll(List<TaskRef> refs, Instant now, List<Instant> deadlines, int maxActive) {
        Update update = new Update();
        Criteria guard = starting(where("_id").is(refs.get(0).runId()), update, refs, now, deadlines);
        guard = guard.and(ACTIVE).not().gt(maxActive - refs.size());
        return update(guard, update.inc(ACTIVE, refs.size()), refs.size());
    }

    /**
     * Successes for running tasks of one run, each applied as {@link #end} (a task of a fan-out) or
     * {@link #endWithStep} (a step's only task) would, in one update: all or none (one of them changed meanwhile).
     */
    public boolean endAllSucceeded(List<TaskRef> refs, List<StepResult> results, Instant now) {
        Update update = new Update().inc(ACTIVE, -refs.size());
        List<String> kept = this.results.keep(refs, results);
        Criteria guard = endingAll(where("_id").is(refs.get(0).runId()), update, refs, results, kept, now);
        return write(guard, update, -refs.size(), kept) != null;
    }

    /**
     * {@link #endAllSucceeded} of {@code ended} and {@link #claimAll} of {@code starting} in one update, in a run
     * running with no cancel requested: the room the ends free goes to the run's next waiting tasks for one round
     * trip. All or none; empty when anything it guards changed (nothing was written).
     */
    public Optional<RunDocument> endAllSucceededAndClaim(List<TaskRef> ended, List<StepResult> results,
                                                         List<TaskRef> starting, List<Instant> deadlines,
                                                         int maxActive, Instant now) {
        Update update = new Update();
        Criteria guard = where("_id").is(ended.get(0).runId()).and("status").is(RunStatus.RUNNING.wireName())
                .and("cancelRequestedAt").is(null);
        List<String> kept = this.results.keep(ended, results);
        guard = starting(endingAll(guard, update, ended, results, kept, now), update, starting, now, deadlines);
        int delta = starting.size() - ended.size();
        guard = guard.and(ACTIVE).not().gt(maxActive - delta);
        if (delta != 0) {
            update.inc(ACTIVE, delta);
        }
        return Optional.ofNullable(write(guard, update, delta, kept));
    }

    /**
     * Adds each task's start (queued at its attempt, in its step running at the step's attempt → running until its
     * deadline) to {@code guard} and {@code update}.
     */
    private static Criteria starting(Criteria guard, Update update, List<TaskRef> refs, Instant now,
                                     List<Instant> deadlines) {
        Set<Integer> steps = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            TaskRef task = refs.get(i);
            if (steps.add(task.stepIndex())) {
                String step = "steps." + task.stepIndex() + ".";
                guard = guard.and(step + "status").is(RunStatus.RUNNING.wireName())
                        .and(step + "attempt").is(task.step().attempt());
            }
            guard = guard.and(task.path() + "status").is(RunStatus.QUEUED.wireName())
                    .and(task.path() + "attempt").is(task.task().attempt());
            update.set(task.path() + "status", RunStatus.RUNNING.wireName()).set(task.path() + "requestedAt", now)
                    .set(task.path() + "deadline", deadlines.get(i)).set(task.path() + "retryAt", null);
        }
        return guard;
    }

    /**
     * Adds each task's success (running at its attempt → ended, with its step when it is the step's only task) to
     * {@code guard} and {@code update}; the count of running tasks is the caller's.
     */
    private static Criteria endingAll(Criteria guard, Update update, List<TaskRef> refs, List<StepResult> results,
                                      List<String> resultIds, Instant now) {
        for (int i = 0; i < refs.size(); i++) {
            TaskRef task = refs.get(i);
            guard = guard.and(task.path() + "status").is(RunStatus.RUNNING.wireName())
                    .and(task.path() + "attempt").is(task.task().attempt());
            addEnding(update, task, results.get(i), now, resultIds.get(i));
            if (!task.isFanOut()) {
                String step = "steps." + task.stepIndex() + ".";
                guard = guard.and(step + "status").is(RunStatus.RUNNING.wireName())
                        .and(step + "attempt").is(task.step().attempt());
                RunStore.terminalWithItsOnlyTask(update, step, results.get(i), now);
            }
        }
        return guard;
    }

    /** running → terminal (or queued → terminal for a task cancelled before it started), with the attempt recorded. */
    public boolean end(TaskRef task, RunStatus from, StepResult result, Instant now) {
        List<String> kept = results.keep(List.of(task), List.of(result));
        return write(current(task, from), addEnding(leaving(from), task, result, now, kept.get(0)), leavingDelta(from),
                kept) != null;
    }

    /**
     * {@link #end} for the only task of a running step, ending the step with the same result in the same
     * update (a single task's result is its step's result), which saves the step's own transition.
     */
    public boolean endWithStep(TaskRef task, StepResult result, Instant now) {
        String step = "steps." + task.stepIndex() + ".";
        List<String> kept = results.keep(List.of(task), List.of(result));
        Update update = RunStore.terminalWithItsOnlyTask(
                addEnding(leaving(RunStatus.RUNNING), task, result, now, kept.get(0)), step, result, now);
        return write(runningWithItsStep(task), update, -1, kept) != null;
    }

    /** The task running at its attempt, and its step running at the step's attempt. */
    private static Criteria runningWithItsStep(TaskRef task) {
        String step = "steps." + task.stepIndex() + ".";
        return current(task, RunStatus.RUNNING).and(step + "status").is(RunStatus.RUNNING.wireName())
                .and(step + "attempt").is(task.step().attempt());
    }

    /**
     * Adds the task's end with {@code result} to {@code update}: its findings and outputs in the task, or, for a result
     * kept apart as {@code resultId}, that id (an attempt that has not ended holds neither).
     */
    private static Update addEnding(Update update, TaskRef task, StepResult result, Instant now, String resultId) {
        String p = task.path();
        update.set(p + "status", result.status().wireName()).set(p + "outcome", result.outcome())
                .set(p + "error", result.error()).set(p + "completedAt", now).set(p + "deadline", null)
                .set(p + "retryAt", null).push(p + "attempts", record(task, result, now, null));
        if (resultId == null) {
            update.set(p + "findingsJson", StepJson.write(result.findings()))
                    .set(p + "outputsJson", StepJson.write(result.outputs()));
        } else {
            update.set(p + "resultId", resultId);
        }
        return update;
    }

    /** running → queued as the next attempt, due at {@code retryAt}; the failed attempt is recorded. */
    public boolean retry(TaskRef task, StepResult failure, Instant now, Instant retryAt) {
        String p = task.path();
        return update(current(task, RunStatus.RUNNING), leaving(RunStatus.RUNNING)
                .set(p + "status", RunStatus.QUEUED.wireName()).inc(p + "attempt", 1).inc(p + "retriesUsed", 1)
                .set(p + "retryAt", retryAt).set(p + "deadline", null).set(p + "requestedAt", null)
                .push(p + "attempts", record(task, failure, now, retryAt)), -1);
    }

    /** Marks a running attempt as asked to stop, and brings its deadline forward to {@code deadline} at the latest. */
    public boolean requestCancel(TaskRef task, Instant deadline) {
        Instant current = task.task().deadline();
        Instant earlier = current == null || deadline.isBefore(current) ? deadline : current;
        return update(current(task, RunStatus.RUNNING).and(task.path() + "cancelRequested").ne(true), new Update()
                .set(task.path() + "cancelRequested", true).set(task.path() + "deadline", earlier), 0);
    }

    /** Puts a task back exactly as it was read, undoing its transition to {@code to} whose event could not be sent. */
    public void restore(TaskRef task, RunStatus to) {
        int delta = (task.task().runStatus() == RunStatus.RUNNING ? 1 : 0) - (to == RunStatus.RUNNING ? 1 : 0);
        update(where("_id").is(task.runId()).and(task.path() + "status").is(to.wireName()), new Update()
                .set(task.path().substring(0, task.path().length() - 1), task.task().asStored()).inc(ACTIVE, delta), delta);
    }

    private static int leavingDelta(RunStatus from) {
        return from == RunStatus.RUNNING ? -1 : 0;
    }

    private static Update leaving(RunStatus from) {
        return from == RunStatus.RUNNING ? new Update().inc(ACTIVE, -1) : new Update();
    }

    private static AttemptRecord record(TaskRef task, StepResult result, Instant now, Instant retryAt) {
        return new AttemptRecord(task.task().attempt(), result.status().wireName(), result.outcome(), result.error(),
                task.task().requestedAt(), now, retryAt);
    }

    private static Criteria current(TaskRef task, RunStatus status) {
        return where("_id").is(task.runId()).and(task.path() + "status").is(status.wireName())
                .and(task.path() + "attempt").is(task.task().attempt());
    }

    /**
     * Every guard names the state it leaves, so a matched document is a changed one; {@code activeDelta} is how
     * the update changes the run's count of running tasks.
     */
    private boolean update(Criteria criteria, Update update, int activeDelta) {
        return write(criteria, update, activeDelta) != null;
    }

    /** The run as the update left it, or null when the guard matched nothing. */
    private RunDocument write(Criteria criteria, Update update, int activeDelta) {
        return write(criteria, update, activeDelta, List.of());
    }

    /** {@link #write}, removing the results kept apart as {@code resultIds} again when the guard matched nothing. */
    private RunDocument write(Criteria criteria, Update update, int activeDelta, List<String> resultIds) {
        RunDocument written = results.withResults(
                GuardedRunUpdate.apply(mongo, criteria, update, writtenRuns.lastOf(criteria)));
        if (written == null) {
            results.discard(resultIds);
            return null;
        }
        writtenRuns.record(written);
        if (activeDelta != 0) {
            running.changed(activeDelta);
        }
        return written;
    }
}
