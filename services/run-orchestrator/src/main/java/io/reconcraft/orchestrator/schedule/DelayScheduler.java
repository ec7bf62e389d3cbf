package io.reconcraft.orchestrator.schedule;

import io.reconcraft.messaging.PeriodicTask;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.StepFinisher;
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
        super("delay-scheduler", 1, properties.delayPollInterval(), properties.delayPollInterval());
        this.store = store;
        this.stepFinisher = stepFinisher;
        this.advancer = advancer;
        this.clock = clock;
    }

    @Override
    protected void runOnce() {
        Instant now = clock.instant();
        DueSteps.finish(store.findWithDueDelays(now), now, StepDocument::dueAt, step -> {
            long waited = Duration.between(step.requestedAt(), step.dueAt()).toMillis();
            return new DueSteps.Ending(StepResult.succeeded(Map.of("waitedMillis", waited)),
                    List.of("delay of " + waited + " ms is over"));
        }, stepFinisher, advancer);
    }
}
