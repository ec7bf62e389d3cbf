package io.reconcraft.notifier.notification;

import io.reconcraft.events.EventPayload;
import io.reconcraft.events.NotificationFailed;
import io.reconcraft.events.NotificationRequested;
import io.reconcraft.events.NotificationSent;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.notifier.NotifierProperties;
import io.reconcraft.notifier.claim.Claims;
import io.reconcraft.notifier.webhook.Channel;
import io.reconcraft.notifier.webhook.DeliveryResult;
import io.reconcraft.notifier.webhook.WebhookClient;
import io.reconcraft.notifier.webhook.WebhookRefusedException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An ad-hoc "send to Slack/Discord": posted at most once per notification id, answered with Sent or Failed. */
@Component
public class NotificationSender {

    private final Claims claims;
    private final WebhookClient webhooks;
    private final EventPublisher publisher;
    private final NotifierProperties properties;

    public NotificationSender(Claims claims, WebhookClient webhooks, EventPublisher publisher,
                              NotifierProperties properties) {
        this.claims = claims;
        this.webhooks = webhooks;
        this.publisher = publisher;
        this.properties = properties;
    }

    public void send(String runId, String notificationId, NotificationRequested request) {
        if (!claims.claim(Claims.NOTIFICATIONS, notificationId, properties.workerId())) {
            return;
        }
        publisher.publish(runId, resultOf(notificationId, request));
    }

    private EventPayload resultOf(String id, NotificationRequested request) {
        Optional<Channel> channel = Channel.fromWire(request.channel());
        if (channel.isEmpty()) {
            return new NotificationFailed(id, request.channel(), "unknown channel: use slack or discord", 0);
        }
        if (request.webhookUrl() == null || request.webhookUrl().isBlank()) {
            return new NotificationFailed(id, channel.get().wireName(),
                    "no webhook URL given (configured integrations are not available to the notifier yet)", 0);
        }
        if (request.message() == null || request.message().isBlank()) {
            return new NotificationFailed(id, channel.get().wireName(), "the message is empty", 0);
        }
        try {
            DeliveryResult result = webhooks.post(channel.get(), request.webhookUrl(), request.message());
            return result.delivered()
                    ? new NotificationSent(id, channel.get().wireName(), result.httpStatus(), 1)
                    : new NotificationFailed(id, channel.get().wireName(), result.reason(), 1);
        } catch (WebhookRefusedException e) {
            return new NotificationFailed(id, channel.get().wireName(), e.getMessage(), 0);
        }
    }
}
