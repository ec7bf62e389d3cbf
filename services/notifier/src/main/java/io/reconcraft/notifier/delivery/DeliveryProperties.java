package io.reconcraft.notifier.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhook deliveries are retried.
 *
 * @param baseDelay     backoff before the second attempt; doubles per attempt (full jitter: a random wait up to it)
 * @param maxDelay      the backoff never grows past this
 * @param maxAttempts   attempts at most, the first one included
 * @param giveUpAfter   no attempt starts later than this after the notification was accepted
 * @param retryAfterCap the longest {@code Retry-After} of a 429 that is honoured as given; longer ones are cut to it
 * @param pollInterval  how often the worker looks for deliveries that are due (new ones are started at once)
 * @param threads       deliveries attempted at the same time by this instance
 * @param lease         how long a claimed delivery stays with this instance before another may take it over
 *                      (an instance that died mid-attempt); longer than the whole webhook call
 */
@ConfigurationProperties("reconcraft.notifier.delivery")
public record DeliveryProperties(
        Duration baseDelay,
        Duration maxDelay,
        Integer maxAttempts,
        Duration giveUpAfter,
        Duration retryAfterCap,
        Duration pollInterval,
        Integer threads,
        Duration lease) {

    public DeliveryProperties {
        baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofSeconds(30) : maxDelay;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        giveUpAfter = giveUpAfter == null ? Duration.ofMinutes(5) : giveUpAfter;
        retryAfterCap = retryAfterCap == null ? Duration.ofSeconds(60) : retryAfterCap;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        threads = threads == null ? 2 : threads;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        if (maxAttempts < 1 || threads < 1) {
            throw new IllegalArgumentException("reconcraft.notifier.delivery max-attempts and threads must be at least 1");
        }
    }
}
