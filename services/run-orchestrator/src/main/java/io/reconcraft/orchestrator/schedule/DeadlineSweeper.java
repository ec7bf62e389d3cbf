package io.reconcraft.orchestrator.schedule;

import io.reconcraft.messaging.PeriodicTask;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.engine.OverdueTasks;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.StepFinisher;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.run.RunDocument;
import io.reconcraft.orchestrator.run.RunStore;
import io.reconcraft.orchestrator.run.StepDocument;
import io.reconcraft.orchestrator.run.StepResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The safety net that keeps runs from staying {@code running} forever: a step whose deadline
 * (requested + timeout + grace) has passed without a result is failed with outcome {@code timeout};
 * so is a task, unless it has retries left.
 */
@Component
public class DeadlineSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final RunStore store;
    private final StepFinisher stepFinisher;
    private final RunAdvancer advancer;
    private final OverdueTasks overdueTasks;
    private final Clock clock;

    public DeadlineSweeper(RunStore store, StepFinisher stepFinisher, RunAdvancer advancer, OverdueTasks overdueTasks,
                           Clock clock, OrchestratorProperties properties) {
        super("deadline-sweeper", 1, properties.timeoutSweepInterval(), properties.timeoutSweepInterval());
        this.store = store;
        this.overdueTasks = overdueTasks;
        this.stepFinisher = stepFinisher;
        this.advancer = advancer;
        this.clock = clock;
    }

    @Override
    protected void runOnce() {
        Instant now = clock.instant();
        DueSteps.finish(store.findWithOverdueSteps(now), now, StepDocument::deadline, step -> {
            String reason = "no result by the deadline " + step.deadline() + " (requested at "
                    + step.requestedAt() + ", timeout plus grace)";
            return new DueSteps.Ending(StepResult.failed(StepOutcome.TIMEOUT.wire(), reason), List.of(reason));
        }, stepFinisher, advancer);
        for (RunDocument run : store.findWithOverdueTasks(now)) {
            try {
                overdueTasks.end(run, now);
            } catch (RuntimeException e) {
                log.warn("could not end the overdue tasks of run {}: {}", run.id(), e.toString());
            }
            advancer.advance(run.id());
        }
    }
}
