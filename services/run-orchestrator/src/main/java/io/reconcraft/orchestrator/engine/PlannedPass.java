package io.reconcraft.orchestrator.engine;

import io.reconcraft.orchestrator.plan.Decision;
import io.reconcraft.orchestrator.plan.RunPlanner;
import io.reconcraft.orchestrator.store.RunDocument;
import java.util.List;
import java.util.Optional;

/** What a pass over a run as read would decide, planned ahead of any write (for a hand-over, or an admission). */
record PlannedPass(RunView view, List<Decision> decisions) {

    /** Empty when the run cannot be planned here (its workflow unreadable or of a shape that cannot run). */
    static Optional<PlannedPass> of(RunDocument run) {
        try {
            RunView view = RunView.of(run);
            if (view.shapeProblem().isPresent()) {
                return Optional.empty();
            }
            return Optional.of(new PlannedPass(view, RunPlanner.decide(view.graph(), view.steps())));
        } catch (RuntimeException e) {
            return Optional.empty(); // the ordinary way fails the run with the reason
        }
    }
}
