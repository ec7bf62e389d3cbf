package io.reconcraft.gateway.health;

import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What {@code /api/health} checks beyond MongoDB and Kafka.
 *
 * @param refreshInterval how often the Kafka checks run in the background (health requests only read the result)
 * @param stallAfter      a step-request topic whose consumer group has not committed for this long while its lag
 *                        grew is stalled: a run waiting on it cannot make progress
 * @param stepConsumers   step-request topic → the consumer group that must work it (the audit service reads every
 *                        topic too, so "any group" would not do)
 */
@ConfigurationProperties("reconcraft.gateway.health")
public record HealthProperties(Duration refreshInterval, Duration stallAfter, Map<String, String> stepConsumers) {

    public HealthProperties {
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(2) : refreshInterval;
        stallAfter = stallAfter == null ? Duration.ofSeconds(60) : stallAfter;
        if (stepConsumers == null || stepConsumers.isEmpty()) {
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put(Topics.TOOL_STEP_REQUESTS, "tool-runner");
            defaults.put(Topics.NOTIFIER_STEP_REQUESTS, "notifier");
            stepConsumers = defaults;
        }
        stepConsumers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepConsumers));
    }
}
