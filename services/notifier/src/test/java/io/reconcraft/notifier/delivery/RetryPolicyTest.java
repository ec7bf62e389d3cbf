package io.reconcraft.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant FAR = NOW.plus(Duration.ofHours(1));
    private static final DeliveryProperties PROPERTIES = new DeliveryProperties(Duration.ofSeconds(1),
            Duration.ofSeconds(30), 5, Duration.ofMinutes(5), Duration.ofSeconds(60), null, null, null);

    /** The most a full-jitter draw can give: the whole ceiling. */
    private static final RetryPolicy HIGHEST = new RetryPolicy(PROPERTIES, bound -> bound - 1);
    private static final RetryPolicy LOWEST = new RetryPolicy(PROPERTIES, bound -> 0);

    private static final AttemptResult HTTP_503 = AttemptResult.transientFailure(503, "HTTP 503", null);

    @Test
    void givenSuccessiveFailures_whenBackingOff_thenTheCeilingDoublesUpToTheCap() {
        assertThat(HIGHEST.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(HIGHEST.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(HIGHEST.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(HIGHEST.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HIGHEST.backoff(60)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenFullJitter_whenTheRandomDrawIsZero_thenTheRetryIsImmediate() {
        assertThat(LOWEST.afterFailure(HTTP_503, 3, NOW, FAR)).isEqualTo(new RetryPolicy.RetryAt(NOW));
    }

    @Test
    void givenA5xxBelowTheAttemptLimit_whenDecided_thenItIsRetriedWithinTheBackoffCeiling() {
        assertThat(HIGHEST.afterFailure(HTTP_503, 2, NOW, FAR)).isEqualTo(new RetryPolicy.RetryAt(NOW.plusSeconds(2)));
    }

    @Test
    void givenTheLastAllowedAttemptFailed_whenDecided_thenItGivesUpNamingTheAttemptsAndTheLastError() {
        assertThat(LOWEST.afterFailure(HTTP_503, 5, NOW, FAR))
                .isEqualTo(new RetryPolicy.GiveUp("gave up after 5 attempts: HTTP 503"));
    }

    @Test
    void givenAPermanentFailure_whenDecided_thenItGivesUpAtOnce() {
        AttemptResult notFound = AttemptResult.permanentFailure(404, "HTTP 404");

        assertThat(LOWEST.afterFailure(notFound, 1, NOW, FAR)).isEqualTo(new RetryPolicy.GiveUp("HTTP 404 (not retried)"));
    }

    @Test
    void givenA429WithRetryAfter_whenDecided_thenTheServersWaitIsUsedInsteadOfTheBackoff() {
        AttemptResult tooMany = AttemptResult.transientFailure(429, "HTTP 429", Duration.ofSeconds(7));

        assertThat(LOWEST.afterFailure(tooMany, 1, NOW, FAR)).isEqualTo(new RetryPolicy.RetryAt(NOW.plusSeconds(7)));
    }

    @Test
    void givenA429AskingForMoreThanTheCap_whenDecided_thenTheWaitIsCapped() {
        AttemptResult tooMany = AttemptResult.transientFailure(429, "HTTP 429", Duration.ofHours(2));

        assertThat(LOWEST.afterFailure(tooMany, 1, NOW, FAR)).isEqualTo(new RetryPolicy.RetryAt(NOW.plusSeconds(60)));
    }

    @Test
    void givenTheNextAttemptWouldStartAfterTheDeadline_whenDecided_thenItGivesUpNow() {
        AttemptResult tooMany = AttemptResult.transientFailure(429, "HTTP 429", Duration.ofSeconds(30));

        assertThat(LOWEST.afterFailure(tooMany, 1, NOW, NOW.plusSeconds(10)))
                .isEqualTo(new RetryPolicy.GiveUp("gave up after 1 attempt: HTTP 429"));
    }
}
