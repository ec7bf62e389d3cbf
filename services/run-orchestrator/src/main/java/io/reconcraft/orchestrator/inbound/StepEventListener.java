package io.reconcraft.orchestrator.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.Topics;
import io.reconcraft.messaging.PerRunPoll;
import io.reconcraft.messaging.ReadEvents;
import io.reconcraft.messaging.ReadablePoll;
import io.reconcraft.orchestrator.engine.StepResultIntake;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Step results from every executor, the orchestrator's own included (those are already applied: a no-op).
 * Read a poll at a time: most records of the run-events topic (logs, starts, findings) are not for this
 * service and are passed over without any work. The results of different runs are applied side by side (each
 * run's in order), so a run's next step does not wait for the results of every run read before it — each result
 * costs a few sequential round trips to MongoDB and Kafka, which is waiting, not work. A record that cannot be
 * read or applied is retried and then dead-lettered by the error handler, after the records before it in the
 * poll are applied.
 */
@Component
@RequiredArgsConstructor
public class StepEventListener {

    private static final Logger log = LoggerFactory.getLogger(StepEventListener.class);

    private final StepResultIntake intake;
    private final PerRunPoll perRun;

    // RunMetrics also times steps and counts run statuses from what this consumer reads
    @KafkaListener(topics = Topics.RUN_EVENTS, batch = "true",
            properties = ReadEvents.PROPERTY + "=StepCompleted,StepStarted,RunStatusChanged,RunCompleted")
    void on(List<ConsumerRecord<String, EventEnvelope>> batch) {
        ReadablePoll.apply(batch, readable -> perRun.apply(readable, StepEventListener::isStepResult, this::applyAll,
                this::apply));
    }

    private static boolean isStepResult(EventEnvelope event) {
        if (!(event.payload() instanceof StepCompleted)) {
            return false;
        }
        if (event.runId() == null || event.runId().isBlank()) {
            log.warn("ignoring StepCompleted {} without a run id", event.eventId());
            return false;
        }
        return true;
    }

    private void applyAll(List<EventEnvelope> events) {
        intake.applyAll(events.get(0).runId(), events.stream().map(event -> (StepCompleted) event.payload()).toList());
    }

    private void apply(EventEnvelope event) {
        intake.apply(event.runId(), (StepCompleted) event.payload());
    }
}
