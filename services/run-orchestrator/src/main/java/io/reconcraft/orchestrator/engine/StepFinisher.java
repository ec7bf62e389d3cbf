package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.model.StepId;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.EventPayload;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Ends a step the orchestrator decides itself (internal kinds, skips, upstream failures, timeouts):
 * stores the end first and only the caller that stored it publishes StepLog and StepCompleted, so
 * the gateway's read model and the audit see the step like any other. If publishing fails the end
 * is undone, so a later pass does it again.
 */
@Component
@RequiredArgsConstructor
public class StepFinisher {

    private final RunStore store;
    private final EventPublisher publisher;
    private final Clock clock;

    /** Ends a running step; {@code reopenAs} is its status should publishing fail. */
    public boolean finishRunning(String runId, int index, StepDocument step, StepResult result, List<String> logs,
                                 RunStatus reopenAs) {
        if (!store.completeStep(runId, index, step.attempt(), result, clock.instant())) {
            return false;
        }
        publishOrReopen(runId, index, step, ended(runId, step, result, logs, List.of()), reopenAs);
        return true;
    }

    /**
     * Claims and ends a queued step executed at once by {@code worker}, reported like any executed step: StepStarted,
     * its logs, StepCompleted, sent together after the one update.
     */
    public boolean finishExecutedAtOnce(String runId, int index, StepDocument step, StepResult result, List<String> logs,
                                        String worker) {
        if (!store.completeQueuedStep(runId, index, step.attempt(), result, clock.instant())) {
            return false;
        }
        publishOrReopen(runId, index, step, executedAtOnce(runId, step, result, logs, worker), RunStatus.QUEUED);
        return true;
    }

    /** Ends a queued step that will never run. */
    public boolean finishUnrun(String runId, int index, StepDocument step, StepResult result, List<String> logs) {
        if (!store.resolveUnrunStep(runId, index, result, clock.instant())) {
            return false;
        }
        publishOrReopen(runId, index, step, ended(runId, step, result, logs, List.of()), RunStatus.QUEUED);
        return true;
    }

    /** How a step executed at once by {@code worker} is reported: StepStarted, its logs, StepCompleted. */
    static List<EventPayload> executedAtOnce(String runId, StepDocument step, StepResult result, List<String> logs,
                                             String worker) {
        String stepId = StepId.of(runId, step.nodeId()).wire();
        return ended(runId, step, result, logs, List.of(new StepStarted(stepId, step.nodeId(), step.attempt(), worker)));
    }

    private static List<EventPayload> ended(String runId, StepDocument step, StepResult result, List<String> logs,
                                            List<EventPayload> before) {
        String stepId = StepId.of(runId, step.nodeId()).wire();
        List<EventPayload> events = new ArrayList<>(before);
        if (!logs.isEmpty()) {
            events.add(new StepLog(stepId, step.nodeId(), step.attempt(), logs));
        }
        events.add(new StepCompleted(stepId, step.nodeId(), step.attempt(), result.status(),
                StepOutcome.of(result.outcome()), result.error(), result.findings(), result.outputs()));
        return events;
    }

    private void publishOrReopen(String runId, int index, StepDocument step, List<EventPayload> events,
                                 RunStatus reopenAs) {
        try {
            publisher.publishAll(runId, events);
        } catch (RuntimeException e) {
            store.reopenStep(runId, index, reopenAs);
            throw e;
        }
    }
}
