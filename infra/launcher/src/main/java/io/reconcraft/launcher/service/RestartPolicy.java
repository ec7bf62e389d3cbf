package io.reconcraft.launcher.service;

import java.time.Duration;

/**
 * How the launcher brings back a service that died: after {@code firstDelay}, doubling up to {@code maxDelay},
 * and not more than {@code maxRestarts} times within {@code window} — a service that keeps crashing is left down
 * (and the stack reports unhealthy) instead of being restarted forever.
 */
public record RestartPolicy(Duration firstDelay, Duration maxDelay, int maxRestarts, Duration window) {

    public static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(16), 5, Duration.ofMinutes(5));

    public RestartPolicy {
        if (maxRestarts < 0 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("invalid restart policy");
        }
    }

    /** Delay before restart number {@code attempt} (1-based) within the window. */
    public Duration delayBefore(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public RestartPolicy withFirstDelay(Duration delay) {
        return new RestartPolicy(delay, delay.compareTo(maxDelay) > 0 ? delay : maxDelay, maxRestarts, window);
    }
}
