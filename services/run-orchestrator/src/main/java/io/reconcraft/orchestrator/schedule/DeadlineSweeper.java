package io.reconcraft.orchestrator.schedule;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.engine.OverdueTasks;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.StepFinisher;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
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
public class DeadlineSweeper extends DueStepTimer {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final RunStore store;
    private final OverdueTasks overdueTasks;

    public DeadlineSweeper(RunStore store, StepFinisher stepFinisher, RunAdvancer advancer, OverdueTasks overdueTasks,
                           Clock clock, OrchestratorProperties properties) {
        super("deadline-sweeper", properties.timeoutSweepInterval(), store::findWithOverdueSteps,
                StepDocument::deadline, stepFinisher, advancer, clock);
        this.store = store;
        this.overdueTasks = overdueTasks;
    }

    @Override
    protected Ending ending(StepDocument step) {
        String reason = "no result by the deadline " + step.deadline() + " (requested at "
                + step.requestedAt() + ", timeout plus grace)";
        return new Ending(StepResult.failed(StepOutcome.TIMEOUT.wire(), reason), List.of(reason));
    }

    /** Steps first, then the tasks of fanned-out steps, which may be retried rather than failed. */
    @Override
    protected void scan(Instant now) {
        super.scan(now);
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
