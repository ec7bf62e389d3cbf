package io.reconcraft.orchestrator.schedule;

import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.StepFinisher;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Fires delay steps whose stored due time has passed. The due time lives in the run document, so
 * waiting delays hold no thread and a restarted orchestrator fires them all the same.
 */
@Component
public class DelayScheduler extends DueStepTimer {

    public DelayScheduler(RunStore store, StepFinisher stepFinisher, RunAdvancer advancer, Clock clock,
                          OrchestratorProperties properties) {
        super("delay-scheduler", properties.delayPollInterval(), store::findWithDueDelays, StepDocument::dueAt,
                stepFinisher, advancer, clock);
    }

    @Override
    protected Ending ending(StepDocument step) {
        long waited = Duration.between(step.requestedAt(), step.dueAt()).toMillis();
        return new Ending(StepResult.succeeded(Map.of("waitedMillis", waited)),
                List.of("delay of " + waited + " ms is over"));
    }
}
