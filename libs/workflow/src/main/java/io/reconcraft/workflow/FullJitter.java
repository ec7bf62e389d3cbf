package io.reconcraft.workflow;

import java.time.Duration;

/**
 * Exponential backoff with full jitter, the one formula every retry uses: the {@code n}-th wait is a uniformly
 * random time from zero up to {@code min(cap, base × 2^(n-1))}, so work that failed together does not retry together.
 */
public final class FullJitter {

    private FullJitter() {
    }

    /** The upper bound in milliseconds of the {@code n}-th wait (1-based). */
    public static long ceilingMillis(Duration base, Duration cap, int n) {
        long ceiling = cap.toMillis();
        long exponential = base.toMillis();
        for (int i = 1; i < n && exponential < ceiling; i++) {
            exponential *= 2;
        }
        return Math.min(ceiling, exponential);
    }
}
