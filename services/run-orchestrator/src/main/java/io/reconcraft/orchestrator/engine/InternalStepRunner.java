package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepId;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.execute.InternalExecutors;
import io.reconcraft.orchestrator.execute.InternalOutcome;
import io.reconcraft.orchestrator.execute.StepContext;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.run.RunStore;
import io.reconcraft.orchestrator.run.StepDocument;
import io.reconcraft.orchestrator.run.StepResult;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs a claimed step of a kind the orchestrator executes itself and reports it with the same
 * events an external executor would send: StepStarted, StepLog, StepCompleted.
 */
@Component
public class InternalStepRunner {

    static final String WORKER = "run-orchestrator";

    private final InternalExecutors executors;
    private final StepFinisher stepFinisher;
    private final AdvancedResults advanced;
    private final RunStore store;
    private final EventPublisher publisher;
    private final OrchestratorProperties properties;
    private final Clock clock;

    public InternalStepRunner(InternalExecutors executors, StepFinisher stepFinisher, AdvancedResults advanced,
                              RunStore store, EventPublisher publisher, OrchestratorProperties properties, Clock clock) {
        this.executors = executors;
        this.stepFinisher = stepFinisher;
        this.advanced = advanced;
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    void run(String runId, int index, StepDocument step, WorkflowNode node, NodeKind kind, List<UpstreamOutput> upstream) {
        String stepId = StepId.of(runId, node.id()).wire();
        try {
            publisher.publish(runId, new StepStarted(stepId, node.id(), step.attempt(), WORKER));
        } catch (RuntimeException e) {
            store.releaseStep(runId, index, step.attempt());
            throw e;
        }
        InternalOutcome outcome = executors.of(kind)
                .map(executor -> executor.execute(new StepContext(runId, stepId, node, step.attempt(), upstream, clock.instant())))
                .orElseGet(() -> new InternalOutcome.Completed(
                        StepResult.failed(StepOutcome.INVALID_CONFIG.wire(), "no executor for kind " + kind.wireName()), List.of()));
        if (outcome instanceof InternalOutcome.Completed completed) {
            // The dispatcher's caller goes on advancing the run from this update, so the result needs nothing more
            // when it comes back; noted before it is sent, since it may come back before the send returns.
            advanced.add(stepId, step.attempt());
            boolean finished = false;
            try {
                finished = stepFinisher.finishRunning(runId, index, step, completed.result(), completed.logs(),
                        RunStatus.QUEUED);
            } finally {
                if (!finished) {
                    advanced.take(stepId, step.attempt());
                }
            }
        } else if (outcome instanceof InternalOutcome.Waiting waiting) {
            store.scheduleStep(runId, index, step.attempt(), waiting.dueAt(),
                    waiting.dueAt().plus(properties.timeoutOf(kind.wireName())).plus(properties.timeoutGrace()));
            publisher.publish(runId, new StepLog(stepId, node.id(), step.attempt(), waiting.logs()));
        }
    }
}
