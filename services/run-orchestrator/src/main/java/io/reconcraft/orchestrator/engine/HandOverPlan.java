package io.reconcraft.orchestrator.engine;

import io.reconcraft.orchestrator.plan.Decision;
import io.reconcraft.orchestrator.store.RunDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run with a step's end applied in memory leads to, for the hand-overs that write that end together with what
 * follows it ({@link StepHandOver}, {@link ExecutedAtOnceHandOver}): the planner's decisions, and the ready nodes when
 * every one of them is a node another service executes, with config that works.
 *
 * @param ready the steps to claim; empty when nothing is ready, or when something ready cannot be claimed with the
 *              end (a node the orchestrator runs itself, a skip, a failed upstream, config that cannot work)
 */
record HandOverPlan(RunView view, List<Decision> decisions, List<TaskStarter.ReadyStep> ready) {

    /** Empty when the run cannot be planned here (its workflow unreadable or of a shape that cannot run). */
    static Optional<HandOverPlan> of(RunDocument ended) {
        Optional<PlannedPass> pass = PlannedPass.of(ended);
        if (pass.isEmpty()) {
            return Optional.empty();
        }
        RunView view = pass.get().view();
        List<Decision> decisions = pass.get().decisions();
        List<TaskStarter.ReadyStep> ready = new ArrayList<>();
        for (Decision decision : decisions) {
            String nodeId = decision.nodeId();
            if (decision.action() != Decision.Action.RUN || !StepDispatcher.executesElsewhere(view, nodeId)
                    || !StepDispatcher.hasUsableConfig(view, nodeId)) {
                return Optional.of(new HandOverPlan(view, decisions, List.of()));
            }
            ready.add(StepDispatcher.ready(view, nodeId));
        }
        return Optional.of(new HandOverPlan(view, decisions, List.copyOf(ready)));
    }

    /** Whether the end leads only to claims of nodes executed elsewhere (at least one). */
    boolean claimsOnly() {
        return !ready.isEmpty() && ready.size() == decisions.size();
    }
}
