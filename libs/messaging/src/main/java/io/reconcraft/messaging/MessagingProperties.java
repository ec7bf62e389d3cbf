package io.reconcraft.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions        partitions of each event topic; more partitions let more tool-runners share the work
 * @param replicas          replication factor of the topics (1 on a single local broker)
 * @param processingRetries how often a listener that threw is retried before the record is dead-lettered
 * @param retryInterval     pause between those retries
 * @param createTopics      whether this service declares the topics at start (off where an operator manages them)
 * @param awaitCommits      whether a listener waits for the broker to confirm a poll's offsets before it polls again;
 *                          off where the next record is on a run's critical path and the listener's polls need not
 *                          be kept full by that wait (a redelivered record is harmless to every listener)
 * @param commitInterval    at most one offset commit per listener per interval (and at stop or rebalance), instead of
 *                          one per poll; none by default. For listeners whose polls are small because they do not
 *                          wait for commits: after a crash, up to an interval's records are delivered again
 */
@ConfigurationProperties("reconcraft.kafka")
public record MessagingProperties(
        Integer partitions,
        Short replicas,
        Integer processingRetries,
        Duration retryInterval,
        Boolean createTopics,
        Boolean awaitCommits,
        Duration commitInterval) {

    public MessagingProperties {
        partitions = partitions == null ? 6 : partitions;
        replicas = replicas == null ? 1 : replicas;
        processingRetries = processingRetries == null ? 2 : processingRetries;
        retryInterval = retryInterval == null ? Duration.ofMillis(500) : retryInterval;
        createTopics = createTopics == null ? Boolean.TRUE : createTopics;
        awaitCommits = awaitCommits == null ? Boolean.TRUE : awaitCommits;
        if (commitInterval != null && (commitInterval.isNegative() || commitInterval.isZero())) {
            throw new IllegalArgumentException("reconcraft.kafka.commit-interval must be positive, was " + commitInterval);
        }
    }
}
