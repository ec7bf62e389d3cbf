package io.reconcraft.gateway.limits;

/** A token bucket: {@code capacity} tokens, refilled at {@code ratePerSecond}; one token per request. */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double capacity;
    private final double ratePerSecond;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(int capacity, double ratePerSecond, long nowNanos) {
        this.capacity = capacity;
        this.ratePerSecond = ratePerSecond;
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    /** 0 when a token was taken, else the whole seconds until one will be there. */
    synchronized long tryTake(long nowNanos) {
        double elapsed = Math.max(0, nowNanos - lastRefillNanos) / NANOS_PER_SECOND;
        tokens = Math.min(capacity, tokens + elapsed * ratePerSecond);
        lastRefillNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerSecond));
    }
}
