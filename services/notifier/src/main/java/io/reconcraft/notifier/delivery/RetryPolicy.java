package io.reconcraft.notifier.delivery;

import io.reconcraft.workflow.FullJitter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongUnaryOperator;
import lombok.RequiredArgsConstructor;

/**
 * After a failed attempt: when to try again, or to give up. Backoff is exponential with full jitter (a
 * uniformly random wait between zero and {@code min(maxDelay, baseDelay * 2^(attempts-1))}), so that many
 * notifications failing together do not retry in lock-step; a 429's {@code Retry-After} is honoured up to a cap.
 */
@RequiredArgsConstructor
public class RetryPolicy {

    private final DeliveryProperties properties;
    /** Given an exclusive upper bound in milliseconds, a random value from zero up to it. */
    private final LongUnaryOperator random;

    public sealed interface Decision permits RetryAt, GiveUp {
    }

    public record RetryAt(Instant at) implements Decision {
    }

    public record GiveUp(String reason) implements Decision {
    }

    /**
     * @param attempts how many attempts were made, the failed one included
     * @param deadline no attempt may start after this
     */
    public Decision afterFailure(AttemptResult failure, int attempts, Instant now, Instant deadline) {
        if (failure.kind() == AttemptResult.Kind.PERMANENT) {
            return new GiveUp(failure.reason() + " (not retried)");
        }
        if (attempts >= properties.maxAttempts()) {
            return new GiveUp(gaveUp(attempts, failure));
        }
        Duration wait = failure.retryAfter() != null ? min(failure.retryAfter(), properties.retryAfterCap()) : backoff(attempts);
        Instant at = now.plus(wait);
        return at.isAfter(deadline) ? new GiveUp(gaveUp(attempts, failure)) : new RetryAt(at);
    }

    Duration backoff(int attempts) {
        Duration base = Duration.ofMillis(Math.max(1, properties.baseDelay().toMillis()));
        long ceiling = FullJitter.ceilingMillis(base, properties.maxDelay(), attempts);
        return Duration.ofMillis(random.applyAsLong(Math.max(1, ceiling) + 1));
    }

    private static String gaveUp(int attempts, AttemptResult failure) {
        return "gave up after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + failure.reason();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
