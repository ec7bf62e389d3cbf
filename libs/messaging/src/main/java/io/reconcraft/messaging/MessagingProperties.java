package io.reconcraft.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions        partitions of each event topic; more partitions let more tool-runners share the work
 * @param replicas          replication factor of the topics (1 on a single local broker)
 * @param processingRetries how often a listener that threw is retried before the record is dead-lettered
 * @param retryInterval     pause between those retries
 * @param createTopics      whether this service declares the topics at start (off where an operator manages them)
 */
@ConfigurationProperties("reconcraft.kafka")
public record MessagingProperties(
        Integer partitions,
        Short replicas,
        Integer processingRetries,
        Duration retryInterval,
        Boolean createTopics) {

    public MessagingProperties {
        partitions = partitions == null ? 6 : partitions;
        replicas = replicas == null ? 1 : replicas;
        processingRetries = processingRetries == null ? 2 : processingRetries;
        retryInterval = retryInterval == null ? Duration.ofMillis(500) : retryInterval;
        createTopics = createTopics == null ? Boolean.TRUE : createTopics;
    }
}
