package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepId;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.execute.InternalExecutors;
import io.reconcraft.orchestrator.execute.InternalOutcome;
import io.reconcraft.orchestrator.execute.StepContext;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Runs a claimed step of a kind the orchestrator executes itself and reports it with the same
 * events an external executor would send: StepStarted, StepLog, StepCompleted.
 */
@Component
@RequiredArgsConstructor
public class InternalStepRunner {

    static final String WORKER = "run-orchestrator";

    private final InternalExecutors executors;
    private final StepFinisher stepFinisher;
    private final ExecutedAtOnceHandOver handOver;
    private final AdvancedResults advanced;
    private final RunStore store;
    private final EventPublisher publisher;
    private final OrchestratorProperties properties;
    private final Clock clock;

    /**
     * Executes a queued step and records it in one update: ended (StepStarted, logs and StepCompleted sent together
     * after it; a success that makes only scans ready claims them in the same update, see
     * {@link ExecutedAtOnceHandOver}), or, for a step that waits, claimed with its due time and deadline (StepStarted
     * and its log sent after it). The kinds run here only compute (start, condition, delay), so executing before the claim has no
     * effect to repeat; false when another caller claimed the step first.
     */
    boolean run(RunView view, int index, StepDocument step, WorkflowNode node, NodeKind kind, List<UpstreamOutput> upstream) {
        String runId = view.run().id();
        String stepId = StepId.of(runId, node.id()).wire();
        Instant now = clock.instant();
        InternalOutcome outcome = execute(new StepContext(runId, stepId, node, step.attempt(), upstream, now), kind);
        if (outcome instanceof InternalOutcome.Waiting waiting) {
            return startWaiting(runId, index, step, node, kind, waiting, now);
        }
        InternalOutcome.Completed completed = (InternalOutcome.Completed) outcome;
        // The dispatcher's caller goes on advancing the run from this update, so the result needs nothing more
        // when it comes back; noted before it is sent, since it may come back before the send returns.
        advanced.add(stepId, step.attempt());
        boolean finished = false;
        try {
            finished = handOver.succeeded(view, index, step, completed.result(), completed.logs(), WORKER)
                    || stepFinisher.finishExecutedAtOnce(runId, index, step, completed.result(), completed.logs(), WORKER);
        } finally {
            if (!finished) {
                advanced.take(stepId, step.attempt());
            }
        }
        return finished;
    }

    /**
     * Executes the first step of a queued run being admitted and, when it succeeds and hands over to scans only, ends
     * it, claims the scans and admits the run in one update ({@link ExecutedAtOnceHandOver#admitting}); the claimed
     * tasks are requested by the caller. Empty when that does not apply: nothing was written, the step is executed
     * again by the run's ordinary first pass.
     */
    Optional<ExecutedAtOnceHandOver.HandedOver> admitting(RunView view, int index, StepDocument step, WorkflowNode node,
                                                          NodeKind kind, List<UpstreamOutput> upstream) {
        String runId = view.run().id();
        String stepId = StepId.of(runId, node.id()).wire();
        if (!(execute(new StepContext(runId, stepId, node, step.attempt(), upstream, clock.instant()), kind)
                instanceof InternalOutcome.Completed completed)) {
            return Optional.empty();
        }
        advanced.add(stepId, step.attempt()); // as in run(): the admission goes on advancing from this update
        Optional<ExecutedAtOnceHandOver.HandedOver> handedOver = Optional.empty();
        try {
            handedOver = handOver.admitting(view, index, step, completed.result(), completed.logs(), WORKER);
        } finally {
            if (handedOver.isEmpty()) {
                advanced.take(stepId, step.attempt());
            }
        }
        return handedOver;
    }

    /** An executor that throws fails its step with the reason, instead of leaving it queued to throw again. */
    private InternalOutcome execute(StepContext context, NodeKind kind) {
        try {
            return executors.of(kind).map(executor -> executor.execute(context))
                    .orElseGet(() -> new InternalOutcome.Completed(StepResult.failed(StepOutcome.INVALID_CONFIG.wire(),
                            "no executor for kind " + kind.wireName()), List.of()));
        } catch (RuntimeException e) {
            String reason = "the " + kind.wireName() + " step could not be executed: " + e.getMessage();
            return new InternalOutcome.Completed(StepResult.failed(StepOutcome.STEP_FAILED.wire(), reason), List.of(reason));
        }
    }

    private boolean startWaiting(String runId, int index, StepDocument step, WorkflowNode node, NodeKind kind,
                                 InternalOutcome.Waiting waiting, Instant now) {
        Instant deadline = waiting.dueAt().plus(properties.timeoutOf(kind.wireName())).plus(properties.timeoutGrace());
        if (!store.claimStep(runId, index, step.attempt(), now, deadline, waiting.dueAt())) {
            return false;
        }
        String stepId = StepId.of(runId, node.id()).wire();
        try {
            publisher.publishAll(runId, List.of(new StepStarted(stepId, node.id(), step.attempt(), WORKER),
                    new StepLog(stepId, node.id(), step.attempt(), waiting.logs())));
        } catch (RuntimeException e) {
            store.releaseStep(runId, index, step.attempt());
            throw e;
        }
        return true;
    }
}
