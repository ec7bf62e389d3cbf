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
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One step attempt from claim to StepCompleted. On the listener thread: wait for a free worker,
 * claim the attempt (or skip it when it was already claimed), announce the start. On the worker:
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

    /** Returns once the attempt is handed to a worker (or skipped); blocks while every worker is busy. */
    public void run(String runId, StepRequested step) throws InterruptedException {
        String worker = properties.workerId();
        try (StepWorkers.Slot slot = workers.reserve()) {
            if (!claims.claim(step.stepId(), step.attempt(), worker)) {
                log.info("step {} attempt {} was already claimed; skipping the duplicate", step.stepId(), step.attempt());
                return;
            }
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
                claims.release(step.stepId(), step.attempt(), worker);
                throw e;
            }
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
}
