package io.reconcraft.notifier.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.notifier.delivery.DeliveryIntake;
import io.reconcraft.notifier.webhook.Channel;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Takes slack and discord steps (and their cancellations) off Kafka; anything else is logged and dropped. */
@Component
@RequiredArgsConstructor
public class NotifierStepListener {

    private static final Logger log = LoggerFactory.getLogger(NotifierStepListener.class);

    private final DeliveryIntake intake;

    @KafkaListener(topics = Topics.NOTIFIER_STEP_REQUESTS)
    public void on(EventEnvelope event) {
        if (event.payload() instanceof StepCancelRequested cancel) {
            intake.cancelStep(cancel.stepId(), cancel.attempt(), cancel.reason());
            return;
        }
        if (!(event.payload() instanceof StepRequested step)) {
            log.warn("ignoring {} {}: only StepRequested and StepCancelRequested belong on {}", event.type(),
                    event.eventId(), Topics.NOTIFIER_STEP_REQUESTS);
            return;
        }
        Optional<Channel> channel = Channel.of(step.kind());
        if (channel.isEmpty() || step.stepId() == null || step.stepId().isBlank()) {
            log.warn("ignoring StepRequested {}: kind '{}' with step id '{}' is not a notifier step",
                    event.eventId(), step.kind(), step.stepId());
            return;
        }
        intake.acceptStep(event.runId(), channel.get(), step);
    }
}
