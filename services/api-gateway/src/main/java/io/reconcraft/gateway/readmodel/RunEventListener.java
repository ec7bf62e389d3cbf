package io.reconcraft.gateway.readmodel;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the run read model up to date from the run and step events. */
@Component
public class RunEventListener {

    private static final Logger log = LoggerFactory.getLogger(RunEventListener.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final RunViewUpdater updater;

    public RunEventListener(RunViewUpdater updater) {
        this.updater = updater;
    }

    @KafkaListener(topics = Topics.RUN_EVENTS)
    public void on(EventEnvelope event) {
        if (event.runId() == null) {
            log.debug("ignoring {} {} without a run id", event.type(), event.eventId());
            return;
        }
        Mono<Boolean> applied;
        if (event.payload() instanceof StepStarted started) {
            applied = updater.stepStarted(event, started);
        } else if (event.payload() instanceof StepLog logged) {
            applied = updater.stepLog(event, logged);
        } else if (event.payload() instanceof StepCompleted completed) {
            applied = updater.stepCompleted(event, completed);
        } else if (event.payload() instanceof RunStatusChanged changed) {
            applied = updater.runStatusChanged(event, changed);
        } else if (event.payload() instanceof RunCompleted completed) {
            applied = updater.runCompleted(event, completed);
        } else if (event.payload() instanceof FindingsUpdated updated) {
            applied = updater.findingsUpdated(event, updated);
        } else {
            return;
        }
        // Blocking is fine here: this is a Kafka listener thread, and the offset must wait for the write.
        applied.block(WRITE_TIMEOUT);
    }
}
