package io.reconcraft.notifier.notification;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.NotificationRequested;
import io.reconcraft.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class NotificationRequestListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationRequestListener.class);

    private final NotificationSender sender;

    public NotificationRequestListener(NotificationSender sender) {
        this.sender = sender;
    }

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
        sender.send(event.runId(), id, request);
    }
}
