package io.reconcraft.orchestrator.schedule;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.StepFinisher;
import io.reconcraft.orchestrator.run.RunDocument;
import io.reconcraft.orchestrator.run.RunStore;
import io.reconcraft.orchestrator.run.StepDocument;
import io.reconcraft.orchestrator.run.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Fires delay steps whose stored due time has passed. The due time lives in the run document, so
 * waiting delays hold no thread and a restarted orchestrator fires them all the same.
 */
@Component
public class DelayScheduler extends PeriodicTask {

    private final RunStore store;
    private final StepFinisher stepFinisher;
    private final RunAdvancer advancer;
    private final Clock clock;

    public DelayScheduler(RunStore store, StepFinisher stepFinisher, RunAdvancer advancer, Clock clock,
                          OrchestratorProperties properties) {
        super("delay-scheduler", properties.delayPollInterval());
        this.store = store;
        this.stepFinisher = stepFinisher;
        this.advancer = advancer;
        this.clock = clock;
    }

    @Override
    protected void runOnce() {
        Instant now = clock.instant();
        for (RunDocument run : store.findWithDueDelays(now)) {
            List<StepDocument> steps = run.steps();
            for (int index = 0; index < steps.size(); index++) {
                StepDocument step = steps.get(index);
                if (step.runStatus() == RunStatus.RUNNING && step.dueAt() != null && !step.dueAt().isAfter(now)) {
                    long waited = Duration.between(step.requestedAt(), step.dueAt()).toMillis();
                    stepFinisher.finishRunning(run.id(), index, step,
                            StepResult.succeeded(Map.of("waitedMillis", waited)),
                            List.of("delay of " + waited + " ms is over"), RunStatus.RUNNING);
                }
            }
            advancer.advance(run.id());
        }
    }
}
