package io.reconcraft.toolrunner.step;

import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.toolrunner.ToolRunnerProperties;
import io.reconcraft.toolrunner.claim.StepClaims;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.scope.ScopeCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One step attempt from claim to StepCompleted: claim it (or skip it when it was already claimed),
 * announce the start, check the scope, execute, report. Nothing runs before the scope check passed.
 */
@Component
public class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final StepClaims claims;
    private final StepDispatcher dispatcher;
    private final EventPublisher publisher;
    private final ToolRunnerProperties properties;

    public StepRunner(StepClaims claims, StepDispatcher dispatcher, EventPublisher publisher,
                      ToolRunnerProperties properties) {
        this.claims = claims;
        this.dispatcher = dispatcher;
        this.publisher = publisher;
        this.properties = properties;
    }

    public void run(String runId, StepRequested step) {
        String worker = properties.workerId();
        if (!claims.claim(step.stepId(), step.attempt(), worker)) {
            log.info("step {} attempt {} was already claimed; skipping the duplicate", step.stepId(), step.attempt());
            return;
        }
        try {
            publisher.publish(runId, new StepStarted(step.stepId(), step.nodeId(), step.attempt(), worker));
            StepResult result = resultOf(runId, step);
            publisher.publish(runId, new StepCompleted(step.stepId(), step.nodeId(), step.attempt(), result.status(),
                    result.outcome(), result.error(), result.findings(), result.outputs()));
        } catch (EventPublisher.EventPublishingException e) {
            // Without its StepCompleted the step would hang forever; a redelivery may run it again instead.
            claims.release(step.stepId(), step.attempt(), worker);
            throw e;
        }
    }

    private StepResult resultOf(String runId, StepRequested step) {
        StepResult result = step.runMode() == null
                ? StepResult.failed(StepResult.INVALID_INPUT, "the step has no runMode (live or demo)")
                : ScopeCheck.violation(step).orElseGet(() -> execute(runId, step));
        if (result.status() != RunStatus.SUCCEEDED) {
            log.info("{} step {} attempt {} failed ({}): {}", step.kind(), step.stepId(), step.attempt(),
                    result.outcome(), result.error());
        }
        return result;
    }

    private StepResult execute(String runId, StepRequested step) {
        PublishedStepLog stepLog = new PublishedStepLog(publisher, runId, step, properties.logBatchSize());
        StepResult result = dispatcher.execute(runId, step, stepLog);
        stepLog.flush();
        return result;
    }
}
