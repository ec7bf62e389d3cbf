package io.reconcraft.orchestrator.schedule;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.StepFinisher;
import io.reconcraft.orchestrator.run.RunDocument;
import io.reconcraft.orchestrator.run.StepDocument;
import io.reconcraft.orchestrator.run.StepResult;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The scan both timers share: end each running step whose stored time has come, then advance its run. */
final class DueSteps {

    /** How a due step ends: its result and the log lines that say why. */
    record Ending(StepResult result, List<String> logs) {
    }

    private DueSteps() {
    }

    static void finish(List<RunDocument> runs, Instant now, Function<StepDocument, Instant> dueOf,
                       Function<StepDocument, Ending> ending, StepFinisher stepFinisher, RunAdvancer advancer) {
        for (RunDocument run : runs) {
            List<StepDocument> steps = run.steps();
            for (int index = 0; index < steps.size(); index++) {
                StepDocument step = steps.get(index);
                Instant due = dueOf.apply(step);
                if (step.runStatus() == RunStatus.RUNNING && due != null && !due.isAfter(now)) {
                    Ending end = ending.apply(step);
                    stepFinisher.finishRunning(run.id(), index, step, end.result(), end.logs(), RunStatus.RUNNING);
                }
            }
            advancer.advance(run.id());
        }
    }
}
