package io.reconcraft.orchestrator.engine;

import io.micrometer.core.instrument.Timer;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.metrics.HandOverTimes;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskRef;
import io.reconcraft.orchestrator.store.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Ends a step's only task with its success and claims the nodes that end makes ready — or, after the run's last
 * step, ends the run — in ONE update: a step of a chain hands over to the next for one round trip to MongoDB instead
 * of two. The plan is made without reading the
 * run, from the run as this instance's claim of the task left it (kept only while that task was the run's only
 * running one), with the end applied in memory; the update's guard holds every fact the plan used, so a run that
 * changed meanwhile is not touched. Anything the plan cannot cover in that update — a node the orchestrator runs
 * itself, a skipped branch, a failed upstream, a config that cannot work — is left to the
 * ordinary way ({@link TaskResults#succeededAsStarted}, then {@link RunAdvancer}), which also follows a lost guard.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StepHandOver {

    private final TaskStore tasks;
    private final TaskStarter taskStarter;
    private final RunAdvancer advancer;
    private final RunFinisher runFinisher;
    private final HandOverTimes handOverTimes;
    private final Clock clock;

    /**
     * True when the success was applied and the next nodes claimed and requested; false when nothing was written.
     * A hand-over to requested steps is timed from {@code arrival}.
     */
    boolean succeeded(StartedTasks.Started started, StepResult result, Timer.Sample arrival) {
        Instant now = clock.instant();
        Optional<Plan> plan = plan(started, result, now);
        if (plan.isEmpty()) {
            return false;
        }
        RunFinisher.RunEnding ending = plan.get().ending();
        Optional<RunDocument> written = ending == null
                ? tasks.endWithStepAndClaim(started.ref(), result, started.claimedRun(), plan.get().claims().claims(), now)
                : tasks.endWithStepAndRun(started.ref(), result, started.claimedRun(), ending.status(), ending.outcome(),
                        ending.reason(), now);
        if (written.isEmpty()) {
            return false;
        }
        if (ending == null) {
            taskStarter.requestClaimed(plan.get().view(), plan.get().claims(), written.get(),
                    () -> handOverTimes.requested(arrival));
        } else {
            runFinisher.announce(started.claimedRun(), ending);
        }
        advancer.advanceAfterOwnUpdate(written.get().id());
        return true;
    }

    /** The claims to write with the end, or (after the last step) how the run ends. */
    private record Plan(RunView view, TaskStarter.StepClaims claims, RunFinisher.RunEnding ending) {
    }

    private Optional<Plan> plan(StartedTasks.Started started, StepResult result, Instant now) {
        RunDocument asClaimed = started.claimedRun();
        TaskRef ref = started.ref();
        if (asClaimed == null || result.status() != RunStatus.SUCCEEDED || !onlyWorkOf(asClaimed, ref)) {
            return Optional.empty();
        }
        StepDocument step = asClaimed.steps().get(ref.stepIndex());
        RunDocument ended = asClaimed.withStep(ref.stepIndex(),
                step.endedWithItsOnlyTask(result, now), -1);
        Optional<HandOverPlan> planned = HandOverPlan.of(ended);
        if (planned.isEmpty()) {
            return Optional.empty();
        }
        HandOverPlan plan = planned.get();
        if (plan.decisions().isEmpty()) {
            return ended.allStepsTerminal()
                    ? Optional.of(new Plan(plan.view(), null, RunFinisher.endingOf(ended)))
                    : Optional.empty();
        }
        if (!plan.claimsOnly()) {
            return Optional.empty();
        }
        return Optional.of(new Plan(plan.view(), taskStarter.plan(plan.view(), plan.ready(), 1, now), null));
    }

    /**
     * Whether the run, as claimed, is running with no cancel requested and the task is its only work in progress: the
     * running step's only task, at the attempts it was started with. Then nothing but this result is expected to
     * change the run, and the guard rarely loses.
     */
    private static boolean onlyWorkOf(RunDocument run, TaskRef ref) {
        if (run.runStatus() != RunStatus.RUNNING || run.isCancelRequested() || run.activeTasks() != 1
                || ref.stepIndex() >= run.steps().size()) {
            return false;
        }
        for (int i = 0; i < run.steps().size(); i++) {
            if (i != ref.stepIndex() && run.steps().get(i).runStatus() == RunStatus.RUNNING) {
                return false;
            }
        }
        StepDocument step = run.steps().get(ref.stepIndex());
        return step.runStatus() == RunStatus.RUNNING && step.attempt() == ref.step().attempt()
                && step.tasks().size() == 1 && ref.taskIndex() == 0
                && step.tasks().get(0).runStatus() == RunStatus.RUNNING
                && step.tasks().get(0).attempt() == ref.task().attempt();
    }
}
