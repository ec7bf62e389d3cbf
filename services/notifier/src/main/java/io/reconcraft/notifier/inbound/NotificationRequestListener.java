package io.reconcraft.notifier.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.NotificationRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.notifier.delivery.DeliveryIntake;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Ad-hoc "send to Slack/Discord" requests; each becomes one delivery, however often it is delivered to us. */
@Component
@RequiredArgsConstructor
public class NotificationRequestListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationRequestListener.class);

    private final DeliveryIntake intake;

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTS)
    public void on(EventEnvelope event) {
        if (!(event.payload() instanceof NotificationRequested request)) {
            log.warn("ignoring {} {}: only NotificationRequested belongs on {}", event.type(), event.eventId(),
                    Topics.NOTIFICATION_REQUESTS);
            return;
        }
        // Without an id of its own, the event's id still makes a redelivery recognisable.
        String id = request.notificationId() == null || request.notificationId().isBlank()
                ? event.eventId() : request.notificationId();
        intake.acceptNotification(event.runId(), id, request);
    }
}
