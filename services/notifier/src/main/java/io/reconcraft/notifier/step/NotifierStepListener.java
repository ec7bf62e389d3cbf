package io.reconcraft.notifier.step;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.notifier.webhook.Channel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Takes slack and discord steps off Kafka; anything else on the topic is logged and dropped. */
@Component
public class NotifierStepListener {

    private static final Logger log = LoggerFactory.getLogger(NotifierStepListener.class);

    private final NotificationStepRunner runner;

    public NotifierStepListener(NotificationStepRunner runner) {
        this.runner = runner;
    }

    @KafkaListener(topics = Topics.NOTIFIER_STEP_REQUESTS)
    public void on(EventEnvelope event) {
        if (!(event.payload() instanceof StepRequested step)) {
            log.warn("ignoring {} {}: only StepRequested belongs on {}", event.type(), event.eventId(),
                    Topics.NOTIFIER_STEP_REQUESTS);
            return;
        }
        Optional<Channel> channel = Channel.fromWire(step.kind());
        if (channel.isEmpty() || step.stepId() == null || step.stepId().isBlank()) {
            log.warn("ignoring StepRequested {}: kind '{}' with step id '{}' is not a notifier step",
                    event.eventId(), step.kind(), step.stepId());
            return;
        }
        runner.run(event.runId(), channel.get(), step);
    }
}
