package io.reconcraft.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** One token bucket per API key id, in memory. */
@Component
public class RateLimiter {

    // Bounds memory if keys churn; forgetting buckets only ever gives keys a fresh burst.
    private static final int MAX_BUCKETS = 100_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LimitProperties.RateLimit limit;
    private final LongSupplier nanoTime;

    @Autowired
    public RateLimiter(LimitProperties properties) {
        this(properties.rateLimit(), System::nanoTime);
    }

    RateLimiter(LimitProperties.RateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** 0 when the key may go on, else the seconds it should wait (the Retry-After). */
    public long retryAfterSeconds(String keyId) {
        if (!limit.enabled()) {
            return 0;
        }
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.clear();
        }
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(keyId, id -> new TokenBucket(limit.burst(), limit.requestsPerSecond(), now))
                .tryTake(now);
    }
}
