package io.reconcraft.orchestrator.messaging;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCancelRequested;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.orchestrator.engine.RunIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class RunRequestListener {

    private static final Logger log = LoggerFactory.getLogger(RunRequestListener.class);

    private final RunIntake intake;

    public RunRequestListener(RunIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.RUN_REQUESTS)
    void on(EventEnvelope event) {
        if (event.runId() == null || event.runId().isBlank()) {
            log.warn("ignoring {} {} without a run id", event.type(), event.eventId());
        } else if (event.payload() instanceof RunRequested requested) {
            intake.accept(event.runId(), requested);
        } else if (event.payload() instanceof RunCancelRequested) {
            log.info("cancel of run {} requested; cancelling is not supported yet, the run goes on", event.runId());
        }
    }
}
