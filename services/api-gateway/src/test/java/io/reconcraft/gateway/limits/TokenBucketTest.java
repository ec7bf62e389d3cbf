package io.reconcraft.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void givenAFullBucket_whenTheBurstIsUsedUp_thenTheNextRequestWaitsForTheRefill() {
        TokenBucket bucket = new TokenBucket(2, 0.5, 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(2);
        assertThat(bucket.tryTake(SECOND)).isEqualTo(1);
        assertThat(bucket.tryTake(2 * SECOND)).isZero();
    }

    @Test
    void givenALongIdleTime_whenRefilled_thenNeverMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(3, 10, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(1000 * SECOND)).isZero();
        }
        assertThat(bucket.tryTake(1000 * SECOND)).isEqualTo(1);
    }

    @Test
    void givenADisabledLimit_whenAKeyCallsOften_thenItIsNeverLimited() {
        RateLimiter limiter = new RateLimiter(new LimitProperties.RateLimit(false, 1.0, 1), () -> 0L);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.retryAfterSeconds("key")).isZero();
        }
    }
}
