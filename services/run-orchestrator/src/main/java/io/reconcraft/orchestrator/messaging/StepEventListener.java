package io.reconcraft.orchestrator.messaging;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.Topics;
import io.reconcraft.orchestrator.engine.StepResultIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Step results from every executor, the orchestrator's own included (those are already applied: a no-op). */
@Component
public class StepEventListener {

    private static final Logger log = LoggerFactory.getLogger(StepEventListener.class);

    private final StepResultIntake intake;

    public StepEventListener(StepResultIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.RUN_EVENTS)
    void on(EventEnvelope event) {
        if (!(event.payload() instanceof StepCompleted completed)) {
            return;
        }
        if (event.runId() == null || event.runId().isBlank()) {
            log.warn("ignoring StepCompleted {} without a run id", event.eventId());
            return;
        }
        intake.apply(event.runId(), completed);
    }
}
