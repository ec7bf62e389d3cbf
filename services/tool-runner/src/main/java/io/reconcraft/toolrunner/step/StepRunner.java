package io.reconcraft.toolrunner.step;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.toolrunner.config.ToolRunnerProperties;
import io.reconcraft.toolrunner.store.StepClaims;
import io.reconcraft.toolrunner.execution.ResultSizeLimit;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.scope.ScopeCheck;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One step attempt from claim to StepCompleted. On the listener thread: wait for a free worker,
 * claim the attempt together with the next ones of the poll that have a free worker (or skip it when it was
 * already claimed), announce the start. On the worker:
 * check the scope, execute, free the worker's slot, report. Nothing runs before the scope check passed; a
 * cancelled attempt reports outcome {@code cancelled} whatever its execution left behind.
 */
@Component
@RequiredArgsConstructor
public class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final StepClaims claims;
    private final StepDispatcher dispatcher;
    private final EventPublisher publisher;
    private final ToolRunnerProperties properties;
    private final StepWorkers workers;
    private final RunningSteps running;
    private final ScopeCheck scopeCheck;
    private final ResultSizeLimit resultLimit;

    /**
     * Runs a poll's steps in their order: waits for a worker for the next one, takes the workers free beside it for the
     * ones after it, claims that group in one write, and hands each step it owns to its worker, announcing its start
     * (a step claimed before is skipped). Returns once every step is handed over or skipped; blocks while every
     * worker is busy. When one cannot be started, the ones before it are under way, the claims of the rest of its
     * group are given back, and {@link NotStarted} names its position.
     */
    public void runAll(List<Request> requests) {
        String worker = properties.workerId();
        int next = 0;
        while (next < requests.size()) {
            List<StepWorkers.Slot> slots = reserve(requests.size() - next, next);
            List<Request> group = requests.subList(next, next + slots.size());
            try {
                startOwned(group, slots, worker, next);
            } finally {
                slots.forEach(StepWorkers.Slot::close); // frees the slots of the steps skipped or not started
            }
            next += group.size();
        }
    }

    private List<StepWorkers.Slot> reserve(int wanted, int position) {
        try {
            return workers.reserve(wanted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStarted(position, e);
        }
    }

    private void startOwned(List<Request> group, List<StepWorkers.Slot> slots, String worker, int position) {
        List<StepClaims.Attempt> attempts = group.stream()
                .map(request -> new StepClaims.Attempt(request.step().stepId(), request.step().attempt())).toList();
        Set<Integer> owned;
        try {
            owned = claims.claimAll(attempts, worker);
        } catch (RuntimeException e) {
            throw new NotStarted(position, e);
        }
        for (int i = 0; i < group.size(); i++) {
            StepRequested step = group.get(i).step();
            if (!owned.contains(i)) {
                log.info("step {} attempt {} was already claimed; skipping the duplicate", step.stepId(), step.attempt());
                continue;
            }
            try {
                start(group.get(i).runId(), step, slots.get(i), worker);
            } catch (RuntimeException e) {
                for (int rest = i; rest < group.size(); rest++) {
                    if (owned.contains(rest)) {
                        giveBack(attempts.get(rest), worker);
                    }
                }
                throw new NotStarted(position + i, e);
            }
        }
    }

    private void start(String runId, StepRequested step, StepWorkers.Slot slot, String worker) {
        // Not waited for: the same producer keeps a key's records in order, so StepStarted still comes before
        // the step's logs and result, and this thread is free for the next request at once.
        publisher.publishAsync(EventEnvelope.of(runId,
                new StepStarted(step.stepId(), step.nodeId(), step.attempt(), worker)))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.warn("StepStarted of step {} attempt {} could not be published: {}", step.stepId(),
                                step.attempt(), failure.toString());
                    }
                });
        RunningStep attempt = running.add(step.stepId(), step.attempt());
        try {
            slot.handOver(() -> finish(runId, step, attempt, slot));
        } catch (RuntimeException e) {
            running.remove(step.stepId(), step.attempt());
            throw e;
        }
    }

    /** Best effort: a claim that cannot be given back holds its step until the orchestrator's step timeout. */
    private void giveBack(StepClaims.Attempt attempt, String worker) {
        try {
            claims.release(attempt, worker);
        } catch (RuntimeException e) {
            log.warn("the claim of step {} attempt {} could not be given back: {}", attempt.stepId(), attempt.attempt(),
                    e.toString());
        }
    }

    /** Cancels an attempt this instance runs; one it does not hold (finished, or never here) is ignored. */
    public void cancel(StepCancelRequested cancel) {
        if (running.cancel(cancel.stepId(), cancel.attempt(), cancel.reason())) {
            log.info("cancelling step {} attempt {}: {}", cancel.stepId(), cancel.attempt(), cancel.reason());
        } else {
            log.debug("cancel of step {} attempt {} ignored: not running here", cancel.stepId(), cancel.attempt());
        }
    }

    private void finish(String runId, StepRequested step, RunningStep attempt, StepWorkers.Slot slot) {
        PublishedStepLog stepLog = new PublishedStepLog(publisher, runId, step, properties.logBatchSize());
        StepResult result = null;
        RuntimeException failure = null;
        String cancelled;
        try {
            if (attempt.beginExecution()) {
                result = resultOf(runId, step, stepLog);
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            cancelled = attempt.endExecution();
            running.remove(step.stepId(), step.attempt());
            slot.free();
        }
        try {
            stepLog.awaitSent();
        } catch (EventPublisher.EventPublishingException e) {
            failure = failure == null ? e : failure;
        }
        if (cancelled != null) {
            result = StepResult.failed(StepOutcome.CANCELLED.wire(), "cancelled: " + cancelled);
        } else if (failure != null) {
            log.error("step {} attempt {} could not be reported while it ran", step.stepId(), step.attempt(), failure);
            result = StepResult.failed(StepOutcome.ERROR.wire(), "the step's progress could not be published");
        }
        if (result.status() != RunStatus.SUCCEEDED) {
            log.info("{} step {} attempt {} failed ({}): {}", step.kind(), step.stepId(), step.attempt(),
                    result.outcome(), result.error());
        }
        // Cut to the event size limit by design: an event that cannot be sent would leave the step running forever.
        StepCompleted completed = resultLimit.fit(runId, new StepCompleted(step.stepId(), step.nodeId(), step.attempt(),
                result.status(), StepOutcome.of(result.outcome()), result.error(), result.findings(), result.outputs()));
        try {
            publisher.publish(runId, completed);
        } catch (EventPublisher.EventPublishingException e) {
            log.error("StepCompleted of step {} attempt {} could not be published; reporting the step failed instead",
                    step.stepId(), step.attempt(), e);
            publishFailure(runId, step, "the step's result could not be published: " + e.getMessage());
        }
    }

    /** Small, so it goes where the full result could not; if even this fails, the orchestrator's step timeout ends the step. */
    private void publishFailure(String runId, StepRequested step, String reason) {
        try {
            publisher.publish(runId, new StepCompleted(step.stepId(), step.nodeId(), step.attempt(), RunStatus.FAILED,
                    StepOutcome.ERROR, reason.length() > 500 ? reason.substring(0, 500) + "…" : reason,
                    java.util.List.of(), java.util.Map.of()));
        } catch (EventPublisher.EventPublishingException again) {
            log.error("not even the failure of step {} attempt {} could be published; the orchestrator's step timeout "
                    + "will end it", step.stepId(), step.attempt(), again);
        }
    }

    private StepResult resultOf(String runId, StepRequested step, PublishedStepLog stepLog) {
        if (step.runMode() == null) {
            return StepResult.failed(StepOutcome.INVALID_INPUT.wire(), "the step has no runMode (live or demo)");
        }
        return scopeCheck.violation(step).orElseGet(() -> dispatcher.execute(runId, step, stepLog));
    }

    /** A step to run, with the run it belongs to. */
    public record Request(String runId, StepRequested step) {
    }

    /** The step at {@link #position()} of a {@link #runAll} could not be started; the ones before it were. */
    public static final class NotStarted extends RuntimeException {

        private final int position;

        NotStarted(int position, Throwable cause) {
            super("the step at position " + position + " of the poll could not be started: " + cause, cause);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }
}
