package io.reconcraft.orchestrator.schedule;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.PeriodicTask;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.StepFinisher;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The scan both timers share: at a fixed interval, end each running step whose stored time has come, then advance
 * its run. A subclass names which runs to look at and which time of a step counts, and says how the step ends.
 */
abstract class DueStepTimer extends PeriodicTask {

    /** How a due step ends: its result and the log lines that say why. */
    record Ending(StepResult result, List<String> logs) {
    }

    private final Function<Instant, List<RunDocument>> findDue;
    private final Function<StepDocument, Instant> dueOf;
    private final StepFinisher stepFinisher;
    protected final RunAdvancer advancer;
    private final Clock clock;

    /**
     * @param findDue the runs that may hold a step due at the given time
     * @param dueOf   the stored time at which a step is due (null when it has none)
     */
    DueStepTimer(String name, Duration interval, Function<Instant, List<RunDocument>> findDue,
                 Function<StepDocument, Instant> dueOf, StepFinisher stepFinisher, RunAdvancer advancer, Clock clock) {
        super(name, 1, interval, interval);
        this.findDue = findDue;
        this.dueOf = dueOf;
        this.stepFinisher = stepFinisher;
        this.advancer = advancer;
        this.clock = clock;
    }

    protected abstract Ending ending(StepDocument step);

    @Override
    protected void runOnce() {
        scan(clock.instant());
    }

    protected void scan(Instant now) {
        for (RunDocument run : findDue.apply(now)) {
            List<StepDocument> steps = run.steps();
            for (int index = 0; index < steps.size(); index++) {
                StepDocument step = steps.get(index);
                Instant due = dueOf.apply(step);
                if (step.runStatus() == RunStatus.RUNNING && due != null && !due.isAfter(now)) {
                    Ending end = ending(step);
                    stepFinisher.finishRunning(run.id(), index, step, end.result(), end.logs(), RunStatus.RUNNING);
                }
            }
            advancer.advance(run.id());
        }
    }
}
