package io.reconcraft.notifier.onlynew;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slack and Discord steps with {@code onlyNew: true}.
 *
 * @param waitLimit   how long a step waits for the findings service to sort its upstream results (its
 *                    FindingsUpdated may arrive after the step request: another topic, another service) before
 *                    it fails saying which upstream result is missing; never longer than the step's own timeout
 * @param recheck     how often a waiting step looks again when no FindingsUpdated of its run woke it
 * @param keepChanges how long the sorting of a run's steps is kept here (a TTL index removes older ones)
 */
@ConfigurationProperties("reconcraft.notifier.only-new")
public record OnlyNewProperties(Duration waitLimit, Duration recheck, Duration keepChanges) {

    public OnlyNewProperties {
        waitLimit = waitLimit == null ? Duration.ofMinutes(2) : waitLimit;
        recheck = recheck == null ? Duration.ofSeconds(2) : recheck;
        keepChanges = keepChanges == null ? Duration.ofDays(7) : keepChanges;
    }
}
