package io.reconcraft.notifier.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventPayload;
import io.reconcraft.events.EventTypes;
import io.reconcraft.events.NotificationFailed;
import io.reconcraft.events.NotificationSent;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WebhookMetrics metrics = new WebhookMetrics(registry);

    @Test
    void givenAdHocNotifications_whenTheirOutcomesArePublished_thenEachIsCountedByChannelAndOutcome() {
        metrics.published(event("r1", new NotificationSent("n1", "slack", 200, 1)));
        metrics.published(event("r1", new NotificationFailed("n2", "discord", "HTTP 404", 5)));

        assertThat(count("slack", WebhookMetrics.DELIVERED)).isEqualTo(1);
        assertThat(count("discord", WebhookMetrics.FAILED)).isEqualTo(1);
        assertThat(count("slack", WebhookMetrics.FAILED)).isZero();
    }

    @Test
    void givenADiscordStep_whenItCompletes_thenItCountsUnderTheChannelItWasRequestedFor() {
        metrics.consumed(event("r2", new StepRequested("s1", "alert", "discord", "Alert", null, List.of(), RunMode.DEMO,
                null, 1, 60, null)));
        metrics.published(event("r2", new StepCompleted("s1", "alert", 1, RunStatus.SUCCEEDED, null, null, null, null)));

        assertThat(count("discord", WebhookMetrics.DELIVERED)).isEqualTo(1);
    }

    private double count(String channel, String outcome) {
        return registry.get(WebhookMetrics.DELIVERIES).tags("channel", channel, "outcome", outcome).counter().count();
    }

    private static EventEnvelope event(String runId, EventPayload payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), EventTypes.nameOf(payload), runId, Instant.now(), 1, payload);
    }
}
