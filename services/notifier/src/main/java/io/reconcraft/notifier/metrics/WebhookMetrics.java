package io.reconcraft.notifier.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.NotificationFailed;
import io.reconcraft.events.NotificationSent;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.messaging.BoundedMaps;
import io.reconcraft.messaging.EventObserver;
import io.reconcraft.notifier.webhook.Channel;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries by channel and outcome (delivered / failed), counted from the final events the notifier
 * publishes: NotificationSent / NotificationFailed for send-to actions, StepCompleted for slack and discord
 * steps (their channel remembered from the StepRequested the notifier read).
 */
@Component
public class WebhookMetrics implements EventObserver {

    static final String DELIVERIES = "reconcraft.webhook.deliveries";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    private static final int REMEMBERED_STEPS = 10_000;

    private final MeterRegistry registry;
    private final Map<String, String> stepChannels = BoundedMaps.forgettingOldest(REMEMBERED_STEPS);

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            deliveries(channel.wireName(), DELIVERED);
            deliveries(channel.wireName(), FAILED);
        }
    }

    @Override
    public void consumed(EventEnvelope event) {
        if (event.payload() instanceof StepRequested requested) {
            stepChannels.put(event.runId() + '/' + requested.stepId(), String.valueOf(requested.kind()));
        }
    }

    @Override
    public void published(EventEnvelope event) {
        if (event.payload() instanceof NotificationSent sent) {
            deliveries(sent.channel(), DELIVERED).increment();
        } else if (event.payload() instanceof NotificationFailed failed) {
            deliveries(failed.channel(), FAILED).increment();
        } else if (event.payload() instanceof StepCompleted completed) {
            String channel = stepChannels.remove(event.runId() + '/' + completed.stepId());
            deliveries(channel, completed.succeeded() ? DELIVERED : FAILED).increment();
        }
    }

    private Counter deliveries(String channel, String outcome) {
        return Counter.builder(DELIVERIES).description("Webhook deliveries that reached a final outcome")
                .tag("channel", channel == null ? "unknown" : channel.toLowerCase(Locale.ROOT))
                .tag("outcome", outcome).register(registry);
    }
}
