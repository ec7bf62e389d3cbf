package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepId;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.orchestrator.plan.FanOut;
import io.reconcraft.orchestrator.plan.StepTargets;
import io.reconcraft.orchestrator.plan.UpstreamCollector;
import io.reconcraft.orchestrator.retry.RetryPolicy;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Starts a node that is ready. A kind the orchestrator executes itself is run and recorded in one update
 * (see {@link InternalStepRunner}). A kind another service executes is claimed with its tasks (see {@link FanOut});
 * the {@link TaskStarter} then requests them within the concurrency caps — a step of one task with room under the
 * caps is claimed with its task already started, and requested at once. Config that cannot work
 * (targets that are not a list, retries out of range) fails the step before anything is requested.
 */
@Component
@RequiredArgsConstructor
public class StepDispatcher {

    private final RunFinisher runFinisher;
    private final StepFinisher stepFinisher;
    private final InternalStepRunner internalRunner;
    private final TaskStarter taskStarter;

    /**
     * Starts the ready nodes {@code nodeIds}; whether any was started. The nodes another service executes are claimed
     * together in one update when there are several (a wide graph's ready nodes cost one round trip, not one each);
     * should that update lose, each is claimed on its own.
     */
    boolean dispatchAll(RunView view, List<String> nodeIds) {
        if (nodeIds.size() == 1) {
            return dispatch(view, nodeIds.get(0));
        }
        boolean progressed = false;
        List<String> elsewhere = new ArrayList<>();
        for (String nodeId : nodeIds) {
            if (executesElsewhere(view, nodeId) && hasUsableConfig(view, nodeId)) {
                elsewhere.add(nodeId);
            } else {
                progressed |= dispatch(view, nodeId);
            }
        }
        if (elsewhere.size() > 1) {
            markRunning(view.run());
            if (taskStarter.claimSteps(view, elsewhere.stream().map(nodeId -> ready(view, nodeId)).toList())) {
                return true;
            }
        }
        for (String nodeId : elsewhere) {
            progressed |= dispatch(view, nodeId);
        }
        return progressed;
    }

    static boolean executesElsewhere(RunView view, String nodeId) {
        return NodeKind.fromWire(view.node(nodeId).kind()).orElseThrow().executor() != NodeKind.Executor.ORCHESTRATOR;
    }

    static boolean hasUsableConfig(RunView view, String nodeId) {
        return configProblem(view, view.node(nodeId)).isEmpty();
    }

    /** Config that cannot work (targets that are not a list, retries out of range): what is wrong with it. */
    private static Optional<String> configProblem(RunView view, WorkflowNode node) {
        try {
            StepTargets.of(node, view.run().targets());
            RetryPolicy.retriesOf(node);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The step of {@code nodeId} with the tasks it is claimed with: planned now, or null when it keeps its own. */
    static TaskStarter.ReadyStep ready(RunView view, String nodeId) {
        RunDocument run = view.run();
        int index = run.indexOf(nodeId);
        StepDocument step = run.steps().get(index);
        WorkflowNode node = view.node(nodeId);
        List<UpstreamOutput> upstream = UpstreamCollector.collect(view.graph(), view.steps(), nodeId);
        return new TaskStarter.ReadyStep(index, step.hasTasks() ? null : FanOut.tasks(StepId.of(run.id(), nodeId).wire(),
                node.kind(), StepTargets.of(node, run.targets()), upstream, step.attempt()));
    }

    /**
     * The first step {@code nodeId} of a queued run being admitted, when the orchestrator executes it and it hands
     * over to scans only: ended, claimed onward and the run admitted in one update (see
     * {@link InternalStepRunner#admitting}). Empty when that does not apply; nothing was written then.
     */
    Optional<ExecutedAtOnceHandOver.HandedOver> admitting(RunView view, String nodeId) {
        if (executesElsewhere(view, nodeId)) {
            return Optional.empty();
        }
        int index = view.run().indexOf(nodeId);
        WorkflowNode node = view.node(nodeId);
        return internalRunner.admitting(view, index, view.run().steps().get(index), node,
                NodeKind.fromWire(node.kind()).orElseThrow(), UpstreamCollector.collect(view.graph(), view.steps(), nodeId));
    }

    /** False when another caller claimed the step first. */
    boolean dispatch(RunView view, String nodeId) {
        RunDocument run = view.run();
        int index = run.indexOf(nodeId);
        StepDocument step = run.steps().get(index);
        WorkflowNode node = view.node(nodeId);
        NodeKind kind = NodeKind.fromWire(node.kind()).orElseThrow();
        if (kind.executor() != NodeKind.Executor.ORCHESTRATOR) {
            return dispatchElsewhere(view, index, step, node);
        }
        markRunning(run);
        return internalRunner.run(view, index, step, node, kind,
                UpstreamCollector.collect(view.graph(), view.steps(), nodeId));
    }

    /** Most dispatches find the run running already: no round trip for them. */
    private void markRunning(RunDocument run) {
        if (run.runStatus() == RunStatus.QUEUED) {
            runFinisher.markRunning(run.id());
        }
    }

    private boolean dispatchElsewhere(RunView view, int index, StepDocument step, WorkflowNode node) {
        Optional<String> problem = configProblem(view, node);
        if (problem.isPresent()) {
            return stepFinisher.finishUnrun(view.run().id(), index, step, StepResult.failed(
                    StepOutcome.INVALID_CONFIG.wire(), problem.get()), List.of("step not started: " + problem.get()));
        }
        markRunning(view.run());
        return taskStarter.claimSteps(view, List.of(ready(view, node.id())));
    }
}
