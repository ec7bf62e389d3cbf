package io.reconcraft.orchestrator.messaging;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.Topics;
import io.reconcraft.messaging.ReadablePoll;
import io.reconcraft.orchestrator.engine.StepResultIntake;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Step results from every executor, the orchestrator's own included (those are already applied: a no-op).
 * Read a poll at a time: most records of the run-events topic (logs, starts, findings) are not for this
 * service and are passed over without any work; a record that cannot be read or applied is retried and then
 * dead-lettered by the error handler, after the records before it in the poll are applied.
 */
@Component
public class StepEventListener {

    private static final Logger log = LoggerFactory.getLogger(StepEventListener.class);

    private final StepResultIntake intake;

    public StepEventListener(StepResultIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.RUN_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, EventEnvelope>> batch) {
        ReadablePoll.apply(batch, readable -> {
            for (int i = 0; i < readable.size(); i++) {
                EventEnvelope event = readable.get(i).value();
                try {
                    apply(event);
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("StepCompleted " + event.eventId() + " could not be applied",
                            e, i);
                }
            }
        });
    }

    private void apply(EventEnvelope event) {
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
