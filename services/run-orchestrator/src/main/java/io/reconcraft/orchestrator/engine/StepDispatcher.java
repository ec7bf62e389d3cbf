package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.plan.UpstreamCollector;
import io.reconcraft.orchestrator.run.Outcomes;
import io.reconcraft.orchestrator.run.RunDocument;
import io.reconcraft.orchestrator.run.RunStore;
import io.reconcraft.orchestrator.run.StepDocument;
import io.reconcraft.orchestrator.run.StepResult;
import io.reconcraft.workflow.ConfigValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Starts a node that is ready: claims it (queued → running, with its deadline), then either hands it
 * to the orchestrator's own executor or publishes a StepRequested for the service that executes its kind.
 */
@Component
public class StepDispatcher {

    private final RunStore store;
    private final EventPublisher publisher;
    private final RunFinisher runFinisher;
    private final StepFinisher stepFinisher;
    private final InternalStepRunner internalRunner;
    private final OrchestratorProperties properties;
    private final Clock clock;

    public StepDispatcher(RunStore store, EventPublisher publisher, RunFinisher runFinisher, StepFinisher stepFinisher,
                          InternalStepRunner internalRunner, OrchestratorProperties properties, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.runFinisher = runFinisher;
        this.stepFinisher = stepFinisher;
        this.internalRunner = internalRunner;
        this.properties = properties;
        this.clock = clock;
    }

    /** False when another caller claimed the step first. */
    boolean dispatch(RunView view, String nodeId) {
        RunDocument run = view.run();
        int index = run.indexOf(nodeId);
        StepDocument step = run.steps().get(index);
        WorkflowNode node = view.graph().node(nodeId).orElseThrow();
        NodeKind kind = NodeKind.fromWire(node.kind()).orElseThrow();
        Duration timeout = properties.timeoutOf(kind.wireName());
        Instant now = clock.instant();
        runFinisher.markRunning(run.id());
        if (!store.claimStep(run.id(), index, step.attempt(), now, now.plus(timeout).plus(properties.timeoutGrace()), null)) {
            return false;
        }
        List<UpstreamOutput> upstream = UpstreamCollector.collect(view.graph(), view.steps(), nodeId);
        if (kind.executor() == NodeKind.Executor.ORCHESTRATOR) {
            internalRunner.run(run.id(), index, step, node, kind, upstream);
        } else {
            request(run, index, step, node, timeout, upstream);
        }
        return true;
    }

    private void request(RunDocument run, int index, StepDocument step, WorkflowNode node, Duration timeout,
                         List<UpstreamOutput> upstream) {
        List<String> targets;
        try {
            List<String> own = ConfigValues.strings(node.config(), "targets");
            targets = own.isEmpty() ? run.targets() : own;
        } catch (IllegalArgumentException e) {
            String reason = "config.targets " + e.getMessage();
            stepFinisher.finishRunning(run.id(), index, step, StepResult.failed(Outcomes.INVALID_CONFIG, reason),
                    List.of(reason), RunStatus.QUEUED);
            return;
        }
        StepRequested request = new StepRequested(StepIds.of(run.id(), node.id()), node.id(), node.kind(),
                node.displayName(), node.config(), targets, RunMode.fromWire(run.runMode()),
                new AuthorizedScope(run.scope()), step.attempt(), (int) timeout.toSeconds(), upstream);
        try {
            publisher.publish(run.id(), request);
        } catch (RuntimeException e) {
            store.releaseStep(run.id(), index, step.attempt());
            throw e;
        }
    }
}
